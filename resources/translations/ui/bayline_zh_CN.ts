<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AreaPage</name>
    <message>
        <location filename="../../../ui/pages.py" line="97"/>
        <source>What you can do here</source>
        <translation>您在此可以做的事</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../../../ui/areas.py" line="42"/>
        <source>Reception</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="43"/>
        <source>Cashier</source>
        <translation>收银</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="44"/>
        <source>Parts counter</source>
        <translation>配件柜台</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="45"/>
        <source>Workshop board</source>
        <translation>车间看板</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="46"/>
        <source>Manager reports</source>
        <translation>经理报表</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="54"/>
        <source>Find customers and vehicles, book appointments, open and follow repair orders, and hand cars back to their owners.</source>
        <translation>查找客户和车辆，预约，开立并跟进维修委托书，向车主交车。</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="57"/>
        <source>Settle finished repair orders, take payments by every method, print receipts and invoices, and close the till at the end of the day.</source>
        <translation>结算已完工的委托书，以各种方式收款，打印收据和发票，每日营业结束时日结。</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="60"/>
        <source>Issue parts to repair orders by scanning, take returns, receive deliveries and keep stock counts right.</source>
        <translation>扫码向委托书发料，办理退料，收货入库，保持库存准确。</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="63"/>
        <source>Every car in the workshop at a glance: who works on it, in which bay, and when it is promised.</source>
        <translation>车间内所有车辆一目了然：谁在修、在哪个工位、承诺何时交车。</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="66"/>
        <source>Takings, workshop throughput and stock figures, the shop profile, users and the audit log.</source>
        <translation>营业收入、车间产值与库存数据，门店资料、用户和审计日志。</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <location filename="../../../ui/operations.py" line="102"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../../ui/operations.py" line="103"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../../ui/operations.py" line="104"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/operations.py" line="114"/>
        <source>The database is busy with another terminal; retrying (attempt {attempt} of {total})…</source>
        <translation>数据库正忙于其他终端的操作，正在重试（第 {attempt} 次，共 {total} 次）…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../../ui/password_dialog.py" line="102"/>
        <location filename="../../../ui/password_dialog.py" line="117"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="103"/>
        <source>Choose your own password</source>
        <translation>设置您自己的密码</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="104"/>
        <source>Change your password</source>
        <translation>修改您的密码</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="106"/>
        <source>{name}, you signed in with a temporary password. Choose your own password now; only you should know it.</source>
        <translation>{name}，您使用的是临时密码。请现在设置您自己的密码，这个密码只应由您本人知道。</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="109"/>
        <source>Enter your current password, then the new one twice.</source>
        <translation>请输入当前密码，再输入两次新密码。</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="111"/>
        <source>At least {count} characters and hard to guess: for example three or four unrelated words. Not your name, your user name, a date or a keyboard pattern.</source>
        <translation>至少 {count} 个字符，且不易被猜到：例如三四个互不相关的词。不要使用您的姓名、用户名、日期或键盘排列。</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="114"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="115"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="116"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="118"/>
        <source>Back to sign-in</source>
        <translation>返回登录</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="119"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="155"/>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="158"/>
        <source>Choose a new password.</source>
        <translation>请设置新密码。</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="166"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>DemoBuildWindow</name>
    <message>
        <location filename="../../../ui/demo_build.py" line="74"/>
        <source>Bayline — preparing the demo</source>
        <translation>Bayline — 正在准备演示</translation>
    </message>
    <message>
        <location filename="../../../ui/demo_build.py" line="75"/>
        <source>Preparing the demo database</source>
        <translation>正在准备演示数据库</translation>
    </message>
    <message>
        <location filename="../../../ui/demo_build.py" line="77"/>
        <source>This happens only on the first start and takes about half a minute: a Guangzhou 4S store with its customers, vehicles, parts and a year of repair orders. The sign-in window opens by itself when it is ready.</source>
        <translation>仅在首次启动时进行，约需半分钟：一家广州 4S 店及其客户、车辆、配件和一年的维修工单。准备好后会自动打开登录窗口。</translation>
    </message>
    <message>
        <location filename="../../../ui/demo_build.py" line="137"/>
        <source>The demo data could not be built ({error}). The details are in the log file.</source>
        <translation>无法生成演示数据（{error}）。详情见日志文件。</translation>
    </message>
</context>
<context>
    <name>DemoUsersPanel</name>
    <message>
        <location filename="../../../ui/demo_users.py" line="36"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../../ui/demo_users.py" line="37"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../ui/demo_users.py" line="38"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../../ui/demo_users.py" line="61"/>
        <source>Demo database: sign in as any of these users; every password is {password}. Click a user to fill in the name, double-click to sign in.</source>
        <translation>演示数据库：可用以下任一用户登录，密码均为 {password}。单击用户填入用户名，双击直接登录。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../../ui/dialogs.py" line="34"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../../ui/dialogs.py" line="44"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../../ui/dialogs.py" line="45"/>
        <source>Something went wrong and the action was not completed.</source>
        <translation>出现问题，操作未完成。</translation>
    </message>
    <message>
        <location filename="../../../ui/dialogs.py" line="42"/>
        <source>Details were written to the log in {folder}.</source>
        <translation>详细信息已写入日志：{folder}。</translation>
    </message>
</context>
<context>
    <name>FirstStartSetup</name>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="108"/>
        <source>Bayline — First start</source>
        <translation>Bayline — 首次启动</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="109"/>
        <source>Welcome to Bayline</source>
        <translation>欢迎使用 Bayline</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="111"/>
        <source>This database is new. Enter your shop&apos;s details and create the first administrator account; you can add the other users after signing in.</source>
        <translation>这是一个新数据库。请填写门店资料并创建第一个管理员账号；登录后可以再添加其他用户。</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="113"/>
        <source>Shop</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="114"/>
        <source>First administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="116"/>
        <source>Shop name *</source>
        <translation>门店名称 *</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="117"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="118"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="119"/>
        <source>Tax ID</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="120"/>
        <source>User name *</source>
        <translation>用户名 *</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="121"/>
        <source>Full name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="122"/>
        <source>Password *</source>
        <translation>密码 *</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="123"/>
        <source>Password again *</source>
        <translation>再次输入密码 *</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="131"/>
        <source>at least 12 characters, hard to guess</source>
        <translation>至少 12 个字符，不易被猜到</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="133"/>
        <source>unified social credit code, 18 characters</source>
        <translation>统一社会信用代码，18 位</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="134"/>
        <source>Create shop</source>
        <translation>创建门店</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="135"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="168"/>
        <source>Enter the shop&apos;s name.</source>
        <translation>请填写门店名称。</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="169"/>
        <source>Choose a user name.</source>
        <translation>请设定用户名。</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="170"/>
        <source>Enter the administrator&apos;s name.</source>
        <translation>请填写管理员姓名。</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="171"/>
        <source>Choose a password.</source>
        <translation>请设定密码。</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="182"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../../ui/lock.py" line="102"/>
        <source>Terminal locked</source>
        <translation>终端已锁定</translation>
    </message>
    <message>
        <location filename="../../../ui/lock.py" line="104"/>
        <source>{name} is signed in. Enter the password to unlock, or sign out so someone else can sign in.</source>
        <translation>{name} 已登录。输入密码解锁，或退出登录以便他人登录。</translation>
    </message>
    <message>
        <location filename="../../../ui/lock.py" line="106"/>
        <source>Password of {user}</source>
        <translation>{user} 的密码</translation>
    </message>
    <message>
        <location filename="../../../ui/lock.py" line="108"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../../ui/lock.py" line="109"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../../ui/lock.py" line="111"/>
        <location filename="../../../ui/lock.py" line="166"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../../ui/login.py" line="144"/>
        <source>Bayline — Sign in</source>
        <translation>Bayline — 登录</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="145"/>
        <source>Sign in to continue</source>
        <translation>请登录后继续</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="146"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="147"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="148"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="149"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="150"/>
        <source>e.g. wang.li</source>
        <translation>例如 wang.li</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="152"/>
        <source>Database: {database}</source>
        <translation>数据库：{database}</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="208"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="212"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="231"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="255"/>
        <source>Choose your own password to sign in; the temporary one is not enough.</source>
        <translation>必须设置您自己的密码才能登录，临时密码不能直接使用。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../ui/main_window.py" line="197"/>
        <source>Bayline — {shop}</source>
        <translation>Bayline — {shop}</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="201"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="202"/>
        <source>&amp;Go to</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="203"/>
        <source>L&amp;anguage</source>
        <translation>语言(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="204"/>
        <source>&amp;Lock terminal</source>
        <translation>锁定终端(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="205"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="206"/>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="207"/>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="208"/>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="210"/>
        <source>Signed in as {user}</source>
        <translation>登录用户：{user}</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="212"/>
        <source>Database: {database}</source>
        <translation>数据库：{database}</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../../ui/pages.py" line="144"/>
        <source>Shop profile</source>
        <translation>门店资料</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="145"/>
        <source>Shop name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="145"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="146"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="146"/>
        <source>Tax ID</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="147"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="148"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="148"/>
        <source>User accounts</source>
        <translation>用户账号数</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="159"/>
        <source>include VAT</source>
        <translation>含增值税</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="159"/>
        <source>exclude VAT</source>
        <translation>不含增值税</translation>
    </message>
</context>
</TS>
