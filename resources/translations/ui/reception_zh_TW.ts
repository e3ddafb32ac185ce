<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AppointmentBook</name>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="143"/>
        <source>Mon</source>
        <translation>週一</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="144"/>
        <source>Tue</source>
        <translation>週二</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="145"/>
        <source>Wed</source>
        <translation>週三</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="146"/>
        <source>Thu</source>
        <translation>週四</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="147"/>
        <source>Fri</source>
        <translation>週五</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="148"/>
        <source>Sat</source>
        <translation>週六</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="149"/>
        <source>Sun</source>
        <translation>週日</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="283"/>
        <source>full ({taken}/{capacity})</source>
        <translation>已滿（{taken}/{capacity}）</translation>
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
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="297"/>
        <source>Places</source>
        <translation>名額</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="302"/>
        <location filename="../../../ui/reception/appointments.py" line="325"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="307"/>
        <location filename="../../../ui/reception/appointments.py" line="330"/>
        <source>Plate</source>
        <translation>車牌</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="308"/>
        <location filename="../../../ui/reception/appointments.py" line="331"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="310"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="312"/>
        <location filename="../../../ui/reception/appointments.py" line="332"/>
        <source>Requested work</source>
        <translation>預約項目</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="314"/>
        <location filename="../../../ui/reception/appointments.py" line="334"/>
        <source>Advisor</source>
        <translation>服務專員</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="315"/>
        <source>Type</source>
        <translation>類型</translation>
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
        <translation>全部服務專員</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="391"/>
        <source>My bookings</source>
        <translation>我的預約</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="549"/>
        <source>Cancel appointment</source>
        <translation>取消預約</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="550"/>
        <source>Why is the appointment of {plate} cancelled?</source>
        <translation>{plate} 的預約為何取消？</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="564"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="565"/>
        <source>Week</source>
        <translation>週</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="566"/>
        <source>Previous day or week</source>
        <translation>上一天或上一週</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="567"/>
        <source>Next day or week</source>
        <translation>下一天或下一週</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="568"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="569"/>
        <source>Book… (F6)</source>
        <translation>預約… (F6)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="569"/>
        <source>Invite…</source>
        <translation>邀約…</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="570"/>
        <source>Move…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="571"/>
        <source>Arrived: check in</source>
        <translation>已到店：接車</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="570"/>
        <source>Customer confirmed</source>
        <translation>客戶已確認</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="572"/>
        <source>No-show</source>
        <translation>未到店</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointments.py" line="572"/>
        <source>Cancel booking…</source>
        <translation>取消預約…</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="85"/>
        <source>Invite a customer</source>
        <translation>邀約客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="86"/>
        <source>Book an appointment</source>
        <translation>預約進廠</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="92"/>
        <source>Booking type</source>
        <translation>預約類型</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="99"/>
        <source>C&amp;hoose…</source>
        <translation>選擇(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="104"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="105"/>
        <location filename="../../../ui/reception/appointment_dialog.py" line="179"/>
        <source>(no vehicle chosen)</source>
        <translation>（未選車輛）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="107"/>
        <source>Vehicle</source>
        <translation>車輛</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="110"/>
        <source>Me ({name})</source>
        <translation>我（{name}）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="112"/>
        <source>Any advisor</source>
        <translation>不指定專員</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="116"/>
        <source>Service advisor</source>
        <translation>服務專員</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="120"/>
        <source>Date and time</source>
        <translation>日期時間</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="125"/>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="126"/>
        <source>Duration</source>
        <translation>時長</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="129"/>
        <source>e.g. 20,000 km service, noise from the front left wheel</source>
        <translation>例如：2 萬公里保養，左前輪異音</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="132"/>
        <source>Requested work</source>
        <translation>預約項目</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="134"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="140"/>
        <source>&amp;Book</source>
        <translation>預約(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="158"/>
        <source>(choose the customer)</source>
        <translation>（請選擇客戶）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="171"/>
        <source>Choose the customer</source>
        <translation>選擇客戶</translation>
    </message>
</context>
<context>
    <name>ChangeOwnerDialog</name>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="163"/>
        <source>Change of owner: {plate}</source>
        <translation>過戶：{plate}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="164"/>
        <source>Find the new owner. The previous ownership stays in the vehicle&apos;s history.</source>
        <translation>搜尋新車主。原車主紀錄保留在車輛履歷中。</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="94"/>
        <source>Check-in: {plate}</source>
        <translation>接車：{plate}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="108"/>
        <source>Vehicle on arrival</source>
        <translation>到店車況</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="111"/>
        <source>km on the odometer</source>
        <translation>里程表讀數（公里）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="112"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="115"/>
        <source>e.g. instrument cluster replaced</source>
        <translation>例如：更換過儀表板</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="117"/>
        <source>Reason for the lower reading</source>
        <translation>里程變小的原因</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="121"/>
        <source>Empty (0/8)</source>
        <translation>空 (0/8)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="122"/>
        <source>Full (8/8)</source>
        <translation>滿 (8/8)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="125"/>
        <source>Fuel level</source>
        <translation>油量</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="127"/>
        <source>e.g. dash cam, sunglasses</source>
        <translation>例如：行車記錄器、太陽眼鏡</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="128"/>
        <source>Valuables in the car</source>
        <translation>車內貴重物品</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="131"/>
        <source>Scratches, dents, cracks: where and how big</source>
        <translation>刮痕、凹陷、裂痕：位置與大小</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="133"/>
        <source>Existing damage</source>
        <translation>原有損傷</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="134"/>
        <source>Promise a time</source>
        <translation>承諾交車時間</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="147"/>
        <source>Ready by</source>
        <translation>預計交車</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="149"/>
        <source>Phone call</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="149"/>
        <source>SMS</source>
        <translation>簡訊</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="150"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="150"/>
        <source>Do not contact</source>
        <translation>不聯絡</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="153"/>
        <source>Contact by</source>
        <translation>聯絡方式</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="154"/>
        <source>Customer waits in the lounge</source>
        <translation>客戶在休息區等候</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="158"/>
        <source>What the customer says</source>
        <translation>客戶陳述</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="162"/>
        <source>In the customer&apos;s own words</source>
        <translation>依客戶原話記錄</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="164"/>
        <source>Customer&apos;s description</source>
        <translation>客戶描述</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="167"/>
        <source>First diagnosis</source>
        <translation>初步診斷</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="180"/>
        <source>Other lights</source>
        <translation>其他故障燈</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="182"/>
        <source>Warning lights on</source>
        <translation>亮起的警示燈</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="190"/>
        <source>&amp;Add photos…</source>
        <translation>新增照片(&amp;A)…</translation>
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
        <translation>開立工單(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="217"/>
        <source>Check engine</source>
        <translation>引擎故障燈</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="217"/>
        <source>ABS</source>
        <translation>ABS</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="218"/>
        <source>Airbag</source>
        <translation>安全氣囊</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="218"/>
        <source>Oil pressure</source>
        <translation>機油壓力</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="219"/>
        <source>Battery / charging</source>
        <translation>電瓶/充電</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="219"/>
        <source>Brake system</source>
        <translation>煞車系統</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="220"/>
        <source>Tyre pressure</source>
        <translation>胎壓</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="220"/>
        <source>Coolant temperature</source>
        <translation>冷卻水溫度</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="221"/>
        <source>Stability control (ESP)</source>
        <translation>車身穩定系統 (ESP)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="222"/>
        <source>Power steering</source>
        <translation>動力方向盤</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="229"/>
        <source>Customer: {name}</source>
        <translation>客戶：{name}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="230"/>
        <source>Last reading: {km}</source>
        <translation>上次里程：{km}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="232"/>
        <source>Booked for {time}</source>
        <translation>預約 {time}</translation>
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
        <translation>車輛照片</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="298"/>
        <source>Photos and PDF ({patterns})</source>
        <translation>照片與 PDF ({patterns})</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/checkin_dialog.py" line="331"/>
        <source>Cannot read {file}: {problem}</source>
        <translation>無法讀取 {file}：{problem}</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="123"/>
        <source>New customer</source>
        <translation>新客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="124"/>
        <source>Edit customer</source>
        <translation>編輯客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="125"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
</context>
<context>
    <name>CustomerFields</name>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="41"/>
        <source>Person</source>
        <translation>個人</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="42"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="43"/>
        <source>Customer type</source>
        <translation>客戶類型</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="46"/>
        <source>Name</source>
        <translation>姓名/名稱</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="52"/>
        <source>e.g. 138 1234 5678</source>
        <translation>例如 0912 345 678</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="53"/>
        <location filename="../../../ui/reception/customer_dialog.py" line="80"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="53"/>
        <source>Phone {n}</source>
        <translation>電話 {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="60"/>
        <source>18-character unified social credit code</source>
        <translation>18 碼統一社會信用代碼</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="61"/>
        <source>Tax ID</source>
        <translation>統一編號</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="63"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="65"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="67"/>
        <source>May be called after the visit (follow-up)</source>
        <translation>可接受回訪電話</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="69"/>
        <source>Consents</source>
        <translation>同意事項</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="70"/>
        <source>Agrees to offers and reminders</source>
        <translation>同意接收優惠與保養提醒</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/customer_dialog.py" line="75"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="62"/>
        <source>Name, phone or plate</source>
        <translation>姓名、電話或車牌</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="68"/>
        <source>Name</source>
        <translation>姓名/名稱</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="69"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/owner_dialog.py" line="73"/>
        <source>&amp;New customer…</source>
        <translation>新客戶(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../../ui/reception/forms.py" line="101"/>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
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
        <translation>您編輯期間，他人已儲存了這筆資料。要重新載入對方的版本嗎？本表單中您的修改將被取代。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/forms.py" line="219"/>
        <source>&amp;Reload</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/forms.py" line="220"/>
        <source>Keep editing</source>
        <translation>繼續編輯</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/forms.py" line="249"/>
        <source>Unsaved changes</source>
        <translation>未儲存的修改</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/forms.py" line="250"/>
        <source>Discard the changes you made in this form?</source>
        <translation>放棄本表單中的修改？</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../../ui/reception/keys.py" line="44"/>
        <source>Key</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/keys.py" line="45"/>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/keys.py" line="69"/>
        <source>Keys of this screen</source>
        <translation>本畫面的快捷鍵</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/keys.py" line="71"/>
        <source>These keys work wherever the cursor is on this screen. The order&apos;s keys work while the order shows that step.</source>
        <translation>游標在本畫面任何位置時這些按鍵都有效。工單的按鍵在工單處於該步驟時有效。</translation>
    </message>
</context>
<context>
    <name>MoveAppointmentDialog</name>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="216"/>
        <source>Move appointment</source>
        <translation>預約改期</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="222"/>
        <source>New date and time</source>
        <translation>新日期和時間</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="229"/>
        <source>&amp;Move</source>
        <translation>改期(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/appointment_dialog.py" line="237"/>
        <source>{who}: booked for {time}</source>
        <translation>{who}：原預約時間 {time}</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="269"/>
        <source>New customer and vehicle</source>
        <translation>新客戶與車輛</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="270"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="272"/>
        <source>Vehicle</source>
        <translation>車輛</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="273"/>
        <source>Register a vehicle now</source>
        <translation>同時登記車輛</translation>
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
        <translation>搜尋框（也可按 F3）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="135"/>
        <source>Search box</source>
        <translation>搜尋框</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="136"/>
        <source>New customer with their vehicle</source>
        <translation>新客戶及其車輛</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="137"/>
        <source>Check in the vehicle on the card</source>
        <translation>為卡片上的車輛接車</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="138"/>
        <source>Read the screen again</source>
        <translation>重新整理畫面</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="140"/>
        <source>Book an appointment for the customer on the card</source>
        <translation>為卡片上的客戶預約</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="141"/>
        <source>The appointment book</source>
        <translation>預約簿</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="143"/>
        <source>Open list {n} of the today strip</source>
        <translation>開啟今日列第 {n} 個清單</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="145"/>
        <source>This list of keys</source>
        <translation>本快捷鍵清單</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="158"/>
        <source>Order: {step}</source>
        <translation>工單：{step}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="225"/>
        <source>Unsaved changes</source>
        <translation>未儲存的修改</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="226"/>
        <source>The repair order shown has changes that are not saved. Open the other order anyway and drop them?</source>
        <translation>目前工單有未儲存的修改。仍要開啟另一張工單並放棄這些修改嗎？</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="238"/>
        <source>The booking has no vehicle yet: add the vehicle, then check it in (F4).</source>
        <translation>此預約尚未指定車輛：請先新增車輛，再接車 (F4)。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="241"/>
        <source>Booked for {time}: {work}. Press F4 to check in.</source>
        <translation>預約 {time}：{work}。按 F4 接車。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="373"/>
        <source>New customer (F2)</source>
        <translation>新客戶 (F2)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="374"/>
        <source>Ve&amp;hicle and customer</source>
        <translation>車輛與客戶(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="375"/>
        <source>Repair &amp;order</source>
        <translation>工單(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/page.py" line="376"/>
        <source>Appoint&amp;ments (F7)</source>
        <translation>預約(&amp;M) (F7)</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="152"/>
        <source>{n} open</source>
        <translation>{n} 張未結</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="156"/>
        <source>Plate
Vehicle</source>
        <translation>車牌
車型</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="158"/>
        <source>Owner
Phone</source>
        <translation>車主
電話</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="160"/>
        <source>Last visit
Open orders</source>
        <translation>上次進廠
未結工單</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="166"/>
        <source>Plate, VIN, phone, name or order no. (Ctrl+F)</source>
        <translation>車牌、VIN、電話、姓名或工單號 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="167"/>
        <source>Type any part of a plate, VIN, phone number or name; scan or type an order number and press Enter.</source>
        <translation>輸入車牌、VIN、電話或姓名的任一部分；掃描或輸入工單號後按 Enter。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="175"/>
        <source>Type at least 2 characters (1 for a Chinese surname)</source>
        <translation>請至少輸入 2 個字元（姓氏 1 個漢字即可）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="177"/>
        <source>The first {n} results: type more to narrow them down</source>
        <translation>僅顯示前 {n} 筆：請多輸入幾個字縮小範圍</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="180"/>
        <source>Results: {n}</source>
        <translation>結果：{n} 筆</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="220"/>
        <source>The search could not run: {error}</source>
        <translation>無法執行搜尋：{error}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="273"/>
        <source>No repair order {number}.</source>
        <translation>查無工單 {number}。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/search_panel.py" line="274"/>
        <source>Nothing found for “{text}”.</source>
        <translation>查無「{text}」。</translation>
    </message>
</context>
<context>
    <name>TodayStripBar</name>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="87"/>
        <source>Appointments due: {n}</source>
        <translation>待到預約：{n}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="88"/>
        <source>In the workshop: {n}</source>
        <translation>維修中車輛：{n}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="89"/>
        <source>Ready for pick-up: {n}</source>
        <translation>待交車：{n}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="90"/>
        <source>Waiting in the lounge: {n}</source>
        <translation>休息區等候：{n}</translation>
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
        <translation>統計範圍：您自己的（含尚未分配顧問的預約），或全部服務顧問的</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="96"/>
        <source>Today&apos;s bookings not checked in yet</source>
        <translation>今天尚未接車的預約</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="97"/>
        <source>Your orders being worked on</source>
        <translation>您的維修中工單</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="98"/>
        <source>Every advisor&apos;s orders being worked on</source>
        <translation>全部服務顧問維修中的工單</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="99"/>
        <source>Finished cars to hand over</source>
        <translation>已完工待交車</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="100"/>
        <source>Customers waiting on site for their car</source>
        <translation>在店內等車的客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="118"/>
        <source>Nothing here</source>
        <translation>目前沒有</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="133"/>
        <source>late, promised {time}</source>
        <translation>已逾時，承諾 {time}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="133"/>
        <source>promised {time}</source>
        <translation>承諾 {time}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/today_strip.py" line="139"/>
        <source>… and {n} more</source>
        <translation>……另有 {n} 項</translation>
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
        <translation>工單號</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="168"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="170"/>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="172"/>
        <source>Work</source>
        <translation>維修項目</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="173"/>
        <source>[comeback] </source>
        <translation>[返修] </translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="177"/>
        <source>Parts</source>
        <translation>零件</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="178"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="248"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="249"/>
        <source>Vehicle</source>
        <translation>車輛</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="250"/>
        <source>Name</source>
        <translation>姓名/名稱</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="250"/>
        <source>Phones</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="251"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="251"/>
        <source>Consents</source>
        <translation>同意事項</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="252"/>
        <source>Earlier owners</source>
        <translation>歷任車主</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="252"/>
        <source>VIN</source>
        <translation>車身號碼 (VIN)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="253"/>
        <source>Vehicles</source>
        <translation>名下車輛</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="254"/>
        <source>Model</source>
        <translation>車型</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="254"/>
        <source>Model year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="255"/>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="255"/>
        <source>Engine no.</source>
        <translation>引擎號碼</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="256"/>
        <source>Registered</source>
        <translation>領牌日期</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="256"/>
        <source>Last mileage</source>
        <translation>最近里程</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="259"/>
        <source>Check in (F4)</source>
        <translation>接車 (F4)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="259"/>
        <source>Book (F6)</source>
        <translation>預約 (F6)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="260"/>
        <source>Edit customer</source>
        <translation>編輯客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="261"/>
        <source>Edit vehicle</source>
        <translation>編輯車輛</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="262"/>
        <source>Add vehicle</source>
        <translation>新增車輛</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="263"/>
        <source>Change owner</source>
        <translation>過戶</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="266"/>
        <source>Visit history</source>
        <translation>進廠紀錄</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="267"/>
        <source>Open this repair order</source>
        <translation>開啟此工單</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="268"/>
        <source>Find a vehicle or customer with the search box on the left (Ctrl+F), or register a new customer (F2).</source>
        <translation>在左側搜尋框查詢車輛或客戶 (Ctrl+F)，或登記新客戶 (F2)。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="303"/>
        <source>Open orders: {n}</source>
        <translation>未完成工單：{n}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="342"/>
        <source>Visits: {n}</source>
        <translation>進廠：{n} 次</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="304"/>
        <source>No open order</source>
        <translation>無未完成工單</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="147"/>
        <source>and {n} more</source>
        <translation>另有 {n} 輛</translation>
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
        <translation>回訪：{followup} · 行銷：{marketing}</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_card.py" line="337"/>
        <source>(warranty from {day})</source>
        <translation>（保固自 {day}）</translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="205"/>
        <source>New vehicle</source>
        <translation>新車輛</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="206"/>
        <source>Edit vehicle</source>
        <translation>編輯車輛</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="207"/>
        <source>Vehicle</source>
        <translation>車輛</translation>
    </message>
</context>
<context>
    <name>VehicleFields</name>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="68"/>
        <source>e.g. 粤B12345</source>
        <translation>例如 粵B12345</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="69"/>
        <source>Licence plate</source>
        <translation>車牌號碼</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="73"/>
        <source>Special plate (military, embassy, Hong Kong/Macau, temporary, foreign)</source>
        <translation>特殊車牌（軍、使館、港澳、臨時、外籍）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="79"/>
        <source>17 characters, on the registration certificate</source>
        <translation>17 碼，見行照</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="80"/>
        <source>VIN</source>
        <translation>車身號碼 (VIN)</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="94"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="95"/>
        <source>Model</source>
        <translation>車型</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="96"/>
        <source>Series / trim</source>
        <translation>系列/車款等級</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="99"/>
        <source>e.g. 2021</source>
        <translation>例如 2021</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="100"/>
        <source>Model year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="102"/>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="104"/>
        <source>Engine number</source>
        <translation>引擎號碼</translation>
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
        <translation>初次領牌日期</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="111"/>
        <source>Warranty start</source>
        <translation>保固起始日期</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="115"/>
        <source>km on the odometer</source>
        <translation>里程表讀數（公里）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="116"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="120"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="149"/>
        <source>Enter a date like 2021-05-31.</source>
        <translation>請依 2021-05-31 的格式輸入日期。</translation>
    </message>
    <message>
        <location filename="../../../ui/reception/vehicle_dialog.py" line="155"/>
        <source>Enter a year like 2021.</source>
        <translation>請輸入年份，例如 2021。</translation>
    </message>
</context>
</TS>
