<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppointmentBook</name>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="143"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="144"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="145"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="146"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="147"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="148"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="149"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="283"/>
        <source>full ({taken}/{capacity})</source>
        <translation>已满（{taken}/{capacity}）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="285"/>
        <source>{free} of {capacity} free</source>
        <translation>剩 {free}/{capacity}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="294"/>
        <location filename="../../../ui/reception/appointments.py" line="323"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="297"/>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="302"/>
        <location filename="../../../ui/reception/appointments.py" line="325"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="307"/>
        <location filename="../../../ui/reception/appointments.py" line="330"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="308"/>
        <location filename="../../../ui/reception/appointments.py" line="331"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="310"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="312"/>
        <location filename="../../../ui/reception/appointments.py" line="332"/>
        <source>Requested work</source>
        <translation>预约项目</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="314"/>
        <location filename="../../../ui/reception/appointments.py" line="334"/>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="315"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="369"/>
        <location filename="../../../ui/reception/appointments.py" line="580"/>
        <source>Today&apos;s arrivals ({n})</source>
        <translation>今日到店（{n}）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="390"/>
        <source>All advisors</source>
        <translation>全部服务顾问</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="391"/>
        <source>My bookings</source>
        <translation>我的预约</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="549"/>
        <source>Cancel appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="550"/>
        <source>Why is the appointment of {plate} cancelled?</source>
        <translation>{plate} 的预约为什么取消？</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="564"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="565"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="566"/>
        <source>Previous day or week</source>
        <translation>前一天或前一周</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="567"/>
        <source>Next day or week</source>
        <translation>后一天或后一周</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="568"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="569"/>
        <source>Book… (F6)</source>
        <translation>预约… (F6)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="569"/>
        <source>Invite…</source>
        <translation>邀约…</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="570"/>
        <source>Move…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="571"/>
        <source>Arrived: check in</source>
        <translation>已到店：接车</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="570"/>
        <source>Customer confirmed</source>
        <translation>客户已确认</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="572"/>
        <source>No-show</source>
        <translation>未到店</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="572"/>
        <source>Cancel booking…</source>
        <translation>取消预约…</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="85"/>
        <source>Invite a customer</source>
        <translation>邀约客户</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="86"/>
        <source>Book an appointment</source>
        <translation>预约进厂</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="92"/>
        <source>Booking type</source>
        <translation>预约类型</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="99"/>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="104"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="105"/>
        <location filename="../../../ui/reception/appointment_dialog.py" line="179"/>
        <source>(no vehicle chosen)</source>
        <translation>（未选车辆）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="107"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="110"/>
        <source>Me ({name})</source>
        <translation>我（{name}）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="112"/>
        <source>Any advisor</source>
        <translation>不指定顾问</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="116"/>
        <source>Service advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="120"/>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="125"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="126"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="129"/>
        <source>e.g. 20,000 km service, noise from the front left wheel</source>
        <translation>例如：2万公里保养，左前轮异响</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="132"/>
        <source>Requested work</source>
        <translation>预约项目</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="134"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="140"/>
        <source>&amp;Book</source>
        <translation>预约(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="158"/>
        <source>(choose the customer)</source>
        <translation>（请选择客户）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="171"/>
        <source>Choose the customer</source>
        <translation>选择客户</translation>
    </message>
</context>
<context>
    <name>ChangeOwnerDialog</name>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="163"/>
        <source>Change of owner: {plate}</source>
        <translation>过户：{plate}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="164"/>
        <source>Find the new owner. The previous ownership stays in the vehicle&apos;s history.</source>
        <translation>查找新车主。原车主记录保留在车辆档案中。</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="94"/>
        <source>Check-in: {plate}</source>
        <translation>接车：{plate}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="108"/>
        <source>Vehicle on arrival</source>
        <translation>到店车况</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="111"/>
        <source>km on the odometer</source>
        <translation>里程表读数（公里）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="112"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="115"/>
        <source>e.g. instrument cluster replaced</source>
        <translation>例如：更换过仪表盘</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="117"/>
        <source>Reason for the lower reading</source>
        <translation>里程变小的原因</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="121"/>
        <source>Empty (0/8)</source>
        <translation>空 (0/8)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="122"/>
        <source>Full (8/8)</source>
        <translation>满 (8/8)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="125"/>
        <source>Fuel level</source>
        <translation>油量</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="127"/>
        <source>e.g. dash cam, sunglasses</source>
        <translation>例如：行车记录仪、太阳镜</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="128"/>
        <source>Valuables in the car</source>
        <translation>车内贵重物品</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="131"/>
        <source>Scratches, dents, cracks: where and how big</source>
        <translation>划痕、凹陷、裂纹：位置和大小</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="133"/>
        <source>Existing damage</source>
        <translation>原有损伤</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="134"/>
        <source>Promise a time</source>
        <translation>承诺交车时间</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="147"/>
        <source>Ready by</source>
        <translation>预计交车</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="149"/>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="149"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="150"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="150"/>
        <source>Do not contact</source>
        <translation>不联系</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="153"/>
        <source>Contact by</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="154"/>
        <source>Customer waits in the lounge</source>
        <translation>客户在休息区等候</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="158"/>
        <source>What the customer says</source>
        <translation>客户陈述</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="162"/>
        <source>In the customer&apos;s own words</source>
        <translation>按客户原话记录</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="164"/>
        <source>Customer&apos;s description</source>
        <translation>客户描述</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="167"/>
        <source>First diagnosis</source>
        <translation>初步诊断</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="180"/>
        <source>Other lights</source>
        <translation>其他故障灯</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="182"/>
        <source>Warning lights on</source>
        <translation>亮起的故障灯</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="190"/>
        <source>&amp;Add photos…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="193"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="200"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="210"/>
        <source>&amp;Open repair order</source>
        <translation>开工单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="217"/>
        <source>Check engine</source>
        <translation>发动机故障灯</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="217"/>
        <source>ABS</source>
        <translation>ABS</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="218"/>
        <source>Airbag</source>
        <translation>安全气囊</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="218"/>
        <source>Oil pressure</source>
        <translation>机油压力</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="219"/>
        <source>Battery / charging</source>
        <translation>蓄电池/充电</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="219"/>
        <source>Brake system</source>
        <translation>制动系统</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="220"/>
        <source>Tyre pressure</source>
        <translation>胎压</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="220"/>
        <source>Coolant temperature</source>
        <translation>冷却液温度</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="221"/>
        <source>Stability control (ESP)</source>
        <translation>车身稳定系统 (ESP)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="222"/>
        <source>Power steering</source>
        <translation>助力转向</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="229"/>
        <source>Customer: {name}</source>
        <translation>客户：{name}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="230"/>
        <source>Last reading: {km}</source>
        <translation>上次里程：{km}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="232"/>
        <source>Booked for {time}</source>
        <translation>预约 {time}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="280"/>
        <source>, </source>
        <comment>between list items</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="297"/>
        <source>Photos of the vehicle</source>
        <translation>车辆照片</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="298"/>
        <source>Photos and PDF ({patterns})</source>
        <translation>照片和 PDF ({patterns})</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="331"/>
        <source>Cannot read {file}: {problem}</source>
        <translation>无法读取 {file}：{problem}</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="123"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="124"/>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="125"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>CustomerFields</name>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="41"/>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="42"/>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="43"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="46"/>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="52"/>
        <source>e.g. 138 1234 5678</source>
        <translation>例如 138 1234 5678</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="53"/>
        <location filename="../../../ui/reception/customer_dialog.py" line="80"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="53"/>
        <source>Phone {n}</source>
        <translation>电话 {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="60"/>
        <source>18-character unified social credit code</source>
        <translation>18 位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="61"/>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="63"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="65"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="67"/>
        <source>May be called after the visit (follow-up)</source>
        <translation>可接受回访电话</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="69"/>
        <source>Consents</source>
        <translation>授权</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="70"/>
        <source>Agrees to offers and reminders</source>
        <translation>同意接收优惠和保养提醒</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="75"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="62"/>
        <source>Name, phone or plate</source>
        <translation>姓名、电话或车牌</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="68"/>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="69"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="73"/>
        <source>&amp;New customer…</source>
        <translation>新客户(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../../ui/reception/forms.py" line="101"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/forms.py" line="102"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/forms.py" line="215"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/forms.py" line="216"/>
        <source>Someone else saved this record while you were editing it. Reload their version? Your changes in this form will be replaced.</source>
        <translation>您编辑期间，他人已保存了这条记录。要重新加载对方的版本吗？本表单中您的修改将被替换。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/forms.py" line="219"/>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/forms.py" line="220"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/forms.py" line="249"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/forms.py" line="250"/>
        <source>Discard the changes you made in this form?</source>
        <translation>放弃本表单中的修改？</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../../ui/reception/keys.py" line="44"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/keys.py" line="45"/>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/keys.py" line="69"/>
        <source>Keys of this screen</source>
        <translation>本界面的快捷键</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/keys.py" line="71"/>
        <source>These keys work wherever the cursor is on this screen. The order&apos;s keys work while the order shows that step.</source>
        <translation>光标在本界面任何位置时这些按键都有效。工单的按键在工单处于该步骤时有效。</translation>
    </message>
</context>
<context>
    <name>MoveAppointmentDialog</name>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="216"/>
        <source>Move appointment</source>
        <translation>预约改期</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="222"/>
        <source>New date and time</source>
        <translation>新日期和时间</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="229"/>
        <source>&amp;Move</source>
        <translation>改期(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="237"/>
        <source>{who}: booked for {time}</source>
        <translation>{who}：原预约时间 {time}</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="269"/>
        <source>New customer and vehicle</source>
        <translation>新客户和车辆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="270"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="272"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="273"/>
        <source>Register a vehicle now</source>
        <translation>同时登记车辆</translation>
    </message>
</context>
<context>
    <name>Reception</name>
    <message>
        <location filename="../../../ui/reception/common.py" line="146"/>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../../ui/reception/page.py" line="134"/>
        <source>Search box (also F3)</source>
        <translation>搜索框（也可按 F3）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="135"/>
        <source>Search box</source>
        <translation>搜索框</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="136"/>
        <source>New customer with their vehicle</source>
        <translation>新客户及其车辆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="137"/>
        <source>Check in the vehicle on the card</source>
        <translation>为卡片上的车辆接车</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="138"/>
        <source>Read the screen again</source>
        <translation>刷新界面</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="140"/>
        <source>Book an appointment for the customer on the card</source>
        <translation>为卡片上的客户预约</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="141"/>
        <source>The appointment book</source>
        <translation>预约簿</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="143"/>
        <source>Open list {n} of the today strip</source>
        <translation>打开今日栏第 {n} 个列表</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="145"/>
        <source>This list of keys</source>
        <translation>本快捷键列表</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="158"/>
        <source>Order: {step}</source>
        <translation>工单：{step}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="225"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="226"/>
        <source>The repair order shown has changes that are not saved. Open the other order anyway and drop them?</source>
        <translation>当前工单有未保存的修改。仍要打开另一张工单并放弃这些修改吗？</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="238"/>
        <source>The booking has no vehicle yet: add the vehicle, then check it in (F4).</source>
        <translation>该预约尚未关联车辆：请先添加车辆，再接车 (F4)。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="241"/>
        <source>Booked for {time}: {work}. Press F4 to check in.</source>
        <translation>预约 {time}：{work}。按 F4 接车。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="373"/>
        <source>New customer (F2)</source>
        <translation>新客户 (F2)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="374"/>
        <source>Ve&amp;hicle and customer</source>
        <translation>车辆与客户(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="375"/>
        <source>Repair &amp;order</source>
        <translation>工单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="376"/>
        <source>Appoint&amp;ments (F7)</source>
        <translation>预约(&amp;M) (F7)</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="152"/>
        <source>{n} open</source>
        <translation>{n} 张未结</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="156"/>
        <source>Plate
Vehicle</source>
        <translation>车牌
车型</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="158"/>
        <source>Owner
Phone</source>
        <translation>车主
电话</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="160"/>
        <source>Last visit
Open orders</source>
        <translation>上次进厂
未结工单</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="166"/>
        <source>Plate, VIN, phone, name or order no. (Ctrl+F)</source>
        <translation>车牌、VIN、电话、姓名或工单号 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="167"/>
        <source>Type any part of a plate, VIN, phone number or name; scan or type an order number and press Enter.</source>
        <translation>输入车牌、VIN、电话或姓名的任意部分；扫描或输入工单号后按回车。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="175"/>
        <source>Type at least 2 characters (1 for a Chinese surname)</source>
        <translation>请至少输入 2 个字符（姓氏 1 个汉字即可）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="177"/>
        <source>The first {n} results: type more to narrow them down</source>
        <translation>仅显示前 {n} 条：请多输入几个字缩小范围</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="180"/>
        <source>Results: {n}</source>
        <translation>结果：{n} 条</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="220"/>
        <source>The search could not run: {error}</source>
        <translation>无法执行搜索：{error}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="273"/>
        <source>No repair order {number}.</source>
        <translation>没有工单 {number}。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="274"/>
        <source>Nothing found for “{text}”.</source>
        <translation>未找到“{text}”。</translation>
    </message>
</context>
<context>
    <name>TodayStripBar</name>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="87"/>
        <source>Appointments due: {n}</source>
        <translation>待到预约：{n}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="88"/>
        <source>In the workshop: {n}</source>
        <translation>在修车辆：{n}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="89"/>
        <source>Ready for pick-up: {n}</source>
        <translation>待交车：{n}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="90"/>
        <source>Waiting in the lounge: {n}</source>
        <translation>休息区等候：{n}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="91"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="92"/>
        <source>Whole shop</source>
        <translation>全店</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="93"/>
        <source>Whose bookings and cars the counts are: yours (and bookings of nobody yet) or every advisor&apos;s</source>
        <translation>统计范围：您自己的（含尚未分配顾问的预约），或全部服务顾问的</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="96"/>
        <source>Today&apos;s bookings not checked in yet</source>
        <translation>今天尚未接车的预约</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="97"/>
        <source>Your orders being worked on</source>
        <translation>您的在修工单</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="98"/>
        <source>Every advisor&apos;s orders being worked on</source>
        <translation>全部服务顾问在修的工单</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="99"/>
        <source>Finished cars to hand over</source>
        <translation>已完工待交车</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="100"/>
        <source>Customers waiting on site for their car</source>
        <translation>在店内等车的客户</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="118"/>
        <source>Nothing here</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="133"/>
        <source>late, promised {time}</source>
        <translation>已超时，承诺 {time}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="133"/>
        <source>promised {time}</source>
        <translation>承诺 {time}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="139"/>
        <source>… and {n} more</source>
        <translation>……另有 {n} 项</translation>
    </message>
</context>
<context>
    <name>VehicleCard</name>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="165"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="167"/>
        <source>Order</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="168"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="170"/>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="172"/>
        <source>Work</source>
        <translation>维修项目</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="173"/>
        <source>[comeback] </source>
        <translation>[返修] </translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="177"/>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="178"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="248"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="249"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="250"/>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="250"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="251"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="251"/>
        <source>Consents</source>
        <translation>授权</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="252"/>
        <source>Earlier owners</source>
        <translation>历任车主</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="252"/>
        <source>VIN</source>
        <translation>车架号 (VIN)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="253"/>
        <source>Vehicles</source>
        <translation>名下车辆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="254"/>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="254"/>
        <source>Model year</source>
        <translation>年款</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="255"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="255"/>
        <source>Engine no.</source>
        <translation>发动机号</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="256"/>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="256"/>
        <source>Last mileage</source>
        <translation>最近里程</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="259"/>
        <source>Check in (F4)</source>
        <translation>接车 (F4)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="259"/>
        <source>Book (F6)</source>
        <translation>预约 (F6)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="260"/>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="261"/>
        <source>Edit vehicle</source>
        <translation>编辑车辆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="262"/>
        <source>Add vehicle</source>
        <translation>添加车辆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="263"/>
        <source>Change owner</source>
        <translation>过户</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="266"/>
        <source>Visit history</source>
        <translation>进厂记录</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="267"/>
        <source>Open this repair order</source>
        <translation>打开此工单</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="268"/>
        <source>Find a vehicle or customer with the search box on the left (Ctrl+F), or register a new customer (F2).</source>
        <translation>在左侧搜索框查找车辆或客户 (Ctrl+F)，或登记新客户 (F2)。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="303"/>
        <source>Open orders: {n}</source>
        <translation>未完工单：{n}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="342"/>
        <source>Visits: {n}</source>
        <translation>进厂：{n} 次</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="304"/>
        <source>No open order</source>
        <translation>无未完工单</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="147"/>
        <source>and {n} more</source>
        <translation>另有 {n} 辆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="314"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="314"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="316"/>
        <source>Follow-up calls: {followup} · Offers: {marketing}</source>
        <translation>回访：{followup} · 营销：{marketing}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="337"/>
        <source>(warranty from {day})</source>
        <translation>（保修自 {day}）</translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="205"/>
        <source>New vehicle</source>
        <translation>新车辆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="206"/>
        <source>Edit vehicle</source>
        <translation>编辑车辆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="207"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
</context>
<context>
    <name>VehicleFields</name>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="68"/>
        <source>e.g. 粤B12345</source>
        <translation>例如 粤B12345</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="69"/>
        <source>Licence plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="73"/>
        <source>Special plate (military, embassy, Hong Kong/Macau, temporary, foreign)</source>
        <translation>特殊号牌（军、使馆、港澳、临时、外籍）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="79"/>
        <source>17 characters, on the registration certificate</source>
        <translation>17 位，见行驶证</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="80"/>
        <source>VIN</source>
        <translation>车架号 (VIN)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="94"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="95"/>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="96"/>
        <source>Series / trim</source>
        <translation>系列/配置</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="99"/>
        <source>e.g. 2021</source>
        <translation>例如 2021</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="100"/>
        <source>Model year</source>
        <translation>年款</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="102"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="104"/>
        <source>Engine number</source>
        <translation>发动机号</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="106"/>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="110"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="107"/>
        <source>First registration</source>
        <translation>初次登记日期</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="111"/>
        <source>Warranty start</source>
        <translation>保修开始日期</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="115"/>
        <source>km on the odometer</source>
        <translation>里程表读数（公里）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="116"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="120"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="149"/>
        <source>Enter a date like 2021-05-31.</source>
        <translation>请按 2021-05-31 的格式输入日期。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="155"/>
        <source>Enter a year like 2021.</source>
        <translation>请输入年份，例如 2021。</translation>
    </message>
</context>
</TS>
