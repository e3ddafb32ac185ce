<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
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
        <translation>收銀</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="44"/>
        <source>Parts counter</source>
        <translation>零件櫃台</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="45"/>
        <source>Workshop board</source>
        <translation>車間看板</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="46"/>
        <source>Manager reports</source>
        <translation>經理報表</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="54"/>
        <source>Find customers and vehicles, book appointments, open and follow repair orders, and hand cars back to their owners.</source>
        <translation>查找客戶與車輛，預約，開立並追蹤維修委託書，向車主交車。</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="57"/>
        <source>Settle finished repair orders, take payments by every method, print receipts and invoices, and close the till at the end of the day.</source>
        <translation>結算已完工的委託書，以各種方式收款，列印收據與發票，每日營業結束時日結。</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="60"/>
        <source>Issue parts to repair orders by scanning, take returns, receive deliveries and keep stock counts right.</source>
        <translation>掃碼向委託書發料，辦理退料，收貨入庫，保持庫存正確。</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="63"/>
        <source>Every car in the workshop at a glance: who works on it, in which bay, and when it is promised.</source>
        <translation>車間內所有車輛一目了然：誰在修、在哪個工位、承諾何時交車。</translation>
    </message>
    <message>
        <location filename="../../../ui/areas.py" line="66"/>
        <source>Takings, workshop throughput and stock figures, the shop profile, users and the audit log.</source>
        <translation>營業收入、車間產值與庫存數據，門市資料、使用者與稽核日誌。</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <location filename="../../../ui/operations.py" line="102"/>
        <source>Please wait</source>
        <translation>請稍候</translation>
    </message>
    <message>
        <location filename="../../../ui/operations.py" line="103"/>
        <source>Working…</source>
        <translation>正在處理…</translation>
    </message>
    <message>
        <location filename="../../../ui/operations.py" line="104"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/operations.py" line="114"/>
        <source>The database is busy with another terminal; retrying (attempt {attempt} of {total})…</source>
        <translation>資料庫正忙於其他終端的操作，正在重試（第 {attempt} 次，共 {total} 次）…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../../ui/password_dialog.py" line="102"/>
        <location filename="../../../ui/password_dialog.py" line="117"/>
        <source>Change password</source>
        <translation>變更密碼</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="103"/>
        <source>Choose your own password</source>
        <translation>設定您自己的密碼</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="104"/>
        <source>Change your password</source>
        <translation>變更您的密碼</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="106"/>
        <source>{name}, you signed in with a temporary password. Choose your own password now; only you should know it.</source>
        <translation>{name}，您使用的是臨時密碼。請現在設定您自己的密碼，這個密碼只應由您本人知道。</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="109"/>
        <source>Enter your current password, then the new one twice.</source>
        <translation>請輸入目前的密碼，再輸入兩次新密碼。</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="111"/>
        <source>At least {count} characters and hard to guess: for example three or four unrelated words. Not your name, your user name, a date or a keyboard pattern.</source>
        <translation>至少 {count} 個字元，且不易被猜到：例如三四個互不相關的詞。不要使用您的姓名、使用者名稱、日期或鍵盤排列。</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="114"/>
        <source>Current password</source>
        <translation>目前密碼</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="115"/>
        <source>New password</source>
        <translation>新密碼</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="116"/>
        <source>New password again</source>
        <translation>再次輸入新密碼</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="118"/>
        <source>Back to sign-in</source>
        <translation>返回登入</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="119"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="155"/>
        <source>Enter your current password.</source>
        <translation>請輸入目前的密碼。</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="158"/>
        <source>Choose a new password.</source>
        <translation>請設定新密碼。</translation>
    </message>
    <message>
        <location filename="../../../ui/password_dialog.py" line="166"/>
        <source>The two passwords differ.</source>
        <translation>兩次輸入的密碼不一致。</translation>
    </message>
</context>
<context>
    <name>DemoBuildWindow</name>
    <message>
        <location filename="../../../ui/demo_build.py" line="74"/>
        <source>Bayline — preparing the demo</source>
        <translation>Bayline — 正在準備示範</translation>
    </message>
    <message>
        <location filename="../../../ui/demo_build.py" line="75"/>
        <source>Preparing the demo database</source>
        <translation>正在準備示範資料庫</translation>
    </message>
    <message>
        <location filename="../../../ui/demo_build.py" line="77"/>
        <source>This happens only on the first start and takes about half a minute: a Guangzhou 4S store with its customers, vehicles, parts and a year of repair orders. The sign-in window opens by itself when it is ready.</source>
        <translation>僅在首次啟動時進行，約需半分鐘：一家廣州 4S 店及其客戶、車輛、零件和一年的維修工單。準備好後會自動開啟登入視窗。</translation>
    </message>
    <message>
        <location filename="../../../ui/demo_build.py" line="137"/>
        <source>The demo data could not be built ({error}). The details are in the log file.</source>
        <translation>無法產生示範資料（{error}）。詳情見記錄檔。</translation>
    </message>
</context>
<context>
    <name>DemoUsersPanel</name>
    <message>
        <location filename="../../../ui/demo_users.py" line="36"/>
        <source>User name</source>
        <translation>使用者名稱</translation>
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
        <translation>示範資料庫：可用以下任一使用者登入，密碼均為 {password}。按一下使用者填入名稱，按兩下直接登入。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../../ui/dialogs.py" line="34"/>
        <source>Not saved</source>
        <translation>未儲存</translation>
    </message>
    <message>
        <location filename="../../../ui/dialogs.py" line="44"/>
        <source>Unexpected error</source>
        <translation>意外錯誤</translation>
    </message>
    <message>
        <location filename="../../../ui/dialogs.py" line="45"/>
        <source>Something went wrong and the action was not completed.</source>
        <translation>發生問題，操作未完成。</translation>
    </message>
    <message>
        <location filename="../../../ui/dialogs.py" line="42"/>
        <source>Details were written to the log in {folder}.</source>
        <translation>詳細資訊已寫入日誌：{folder}。</translation>
    </message>
</context>
<context>
    <name>FirstStartSetup</name>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="108"/>
        <source>Bayline — First start</source>
        <translation>Bayline — 首次啟動</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="109"/>
        <source>Welcome to Bayline</source>
        <translation>歡迎使用 Bayline</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="111"/>
        <source>This database is new. Enter your shop&apos;s details and create the first administrator account; you can add the other users after signing in.</source>
        <translation>這是一個新資料庫。請填寫門市資料並建立第一個管理員帳號；登入後可再新增其他使用者。</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="113"/>
        <source>Shop</source>
        <translation>門市</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="114"/>
        <source>First administrator</source>
        <translation>第一位管理員</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="116"/>
        <source>Shop name *</source>
        <translation>門市名稱 *</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="117"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="118"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="119"/>
        <source>Tax ID</source>
        <translation>納稅人識別號</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="120"/>
        <source>User name *</source>
        <translation>使用者名稱 *</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="121"/>
        <source>Full name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="122"/>
        <source>Password *</source>
        <translation>密碼 *</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="123"/>
        <source>Password again *</source>
        <translation>再次輸入密碼 *</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="131"/>
        <source>at least 12 characters, hard to guess</source>
        <translation>至少 12 個字元，不易被猜到</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="133"/>
        <source>unified social credit code, 18 characters</source>
        <translation>統一社會信用代碼，18 碼</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="134"/>
        <source>Create shop</source>
        <translation>建立門市</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="135"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="168"/>
        <source>Enter the shop&apos;s name.</source>
        <translation>請填寫門市名稱。</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="169"/>
        <source>Choose a user name.</source>
        <translation>請設定使用者名稱。</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="170"/>
        <source>Enter the administrator&apos;s name.</source>
        <translation>請填寫管理員姓名。</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="171"/>
        <source>Choose a password.</source>
        <translation>請設定密碼。</translation>
    </message>
    <message>
        <location filename="../../../ui/setup_wizard.py" line="182"/>
        <source>The two passwords differ.</source>
        <translation>兩次輸入的密碼不一致。</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../../ui/lock.py" line="102"/>
        <source>Terminal locked</source>
        <translation>終端已鎖定</translation>
    </message>
    <message>
        <location filename="../../../ui/lock.py" line="104"/>
        <source>{name} is signed in. Enter the password to unlock, or sign out so someone else can sign in.</source>
        <translation>{name} 已登入。輸入密碼解鎖，或登出以便他人登入。</translation>
    </message>
    <message>
        <location filename="../../../ui/lock.py" line="106"/>
        <source>Password of {user}</source>
        <translation>{user} 的密碼</translation>
    </message>
    <message>
        <location filename="../../../ui/lock.py" line="108"/>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <location filename="../../../ui/lock.py" line="109"/>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <location filename="../../../ui/lock.py" line="111"/>
        <location filename="../../../ui/lock.py" line="166"/>
        <source>Wrong password.</source>
        <translation>密碼錯誤。</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../../ui/login.py" line="144"/>
        <source>Bayline — Sign in</source>
        <translation>Bayline — 登入</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="145"/>
        <source>Sign in to continue</source>
        <translation>請登入後繼續</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="146"/>
        <source>&amp;User name</source>
        <translation>使用者名稱(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="147"/>
        <source>&amp;Password</source>
        <translation>密碼(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="148"/>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="149"/>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="150"/>
        <source>e.g. wang.li</source>
        <translation>例如 wang.li</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="152"/>
        <source>Database: {database}</source>
        <translation>資料庫：{database}</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="208"/>
        <source>Enter your user name.</source>
        <translation>請輸入使用者名稱。</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="212"/>
        <source>Enter your password.</source>
        <translation>請輸入密碼。</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="231"/>
        <source>Wrong user name or password.</source>
        <translation>使用者名稱或密碼錯誤。</translation>
    </message>
    <message>
        <location filename="../../../ui/login.py" line="255"/>
        <source>Choose your own password to sign in; the temporary one is not enough.</source>
        <translation>必須設定您自己的密碼才能登入，臨時密碼不能直接使用。</translation>
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
        <translation>工作階段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="202"/>
        <source>&amp;Go to</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="203"/>
        <source>L&amp;anguage</source>
        <translation>語言(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="204"/>
        <source>&amp;Lock terminal</source>
        <translation>鎖定終端(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="205"/>
        <source>Sign &amp;out</source>
        <translation>登出(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="206"/>
        <source>Change &amp;password…</source>
        <translation>變更密碼(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="207"/>
        <source>&amp;Quit</source>
        <translation>結束程式(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="208"/>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="210"/>
        <source>Signed in as {user}</source>
        <translation>登入使用者：{user}</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="212"/>
        <source>Database: {database}</source>
        <translation>資料庫：{database}</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../../ui/pages.py" line="144"/>
        <source>Shop profile</source>
        <translation>門市資料</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="145"/>
        <source>Shop name</source>
        <translation>門市名稱</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="145"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="146"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="146"/>
        <source>Tax ID</source>
        <translation>納稅人識別號</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="147"/>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="148"/>
        <source>Prices</source>
        <translation>價格</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="148"/>
        <source>User accounts</source>
        <translation>使用者帳號數</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="159"/>
        <source>include VAT</source>
        <translation>含增值稅</translation>
    </message>
    <message>
        <location filename="../../../ui/pages.py" line="159"/>
        <source>exclude VAT</source>
        <translation>不含增值稅</translation>
    </message>
</context>
</TS>
