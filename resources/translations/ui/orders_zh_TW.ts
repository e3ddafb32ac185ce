<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ActionPanel</name>
    <message>
        <location filename="../../../ui/orders/actions.py" line="60"/>
        <source>Job card (for signature)</source>
        <translation>委託書（供客戶簽字）</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="61"/>
        <source>Technician copy</source>
        <translation>派工單</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="62"/>
        <location filename="../../../ui/orders/actions.py" line="74"/>
        <source>Estimate</source>
        <translation>估價</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="63"/>
        <source>Settlement statement</source>
        <translation>結算單</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="64"/>
        <source>Gate pass</source>
        <translation>出門條</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="83"/>
        <source>Workflow</source>
        <translation>工單流程</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="74"/>
        <source>Customer signed</source>
        <translation>客戶已簽字</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="75"/>
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="75"/>
        <source>Completion review</source>
        <translation>完工審核</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="76"/>
        <source>Customer called</source>
        <translation>已通知客戶取車</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="76"/>
        <source>Deliver + gate pass</source>
        <translation>交車並開出門條</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="77"/>
        <source>Send to inspection</source>
        <translation>送質檢</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="77"/>
        <source>Print</source>
        <translation>列印</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/actions.py" line="78"/>
        <source>Cancel order…</source>
        <translation>取消工單…</translation>
    </message>
</context>
<context>
    <name>ChargeEntry</name>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="448"/>
        <source>Charge</source>
        <translation>費用</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="450"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="451"/>
        <source>Disc. %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="458"/>
        <source>e.g. disposal fee, sublet, towing</source>
        <translation>如：環保處理費、外包、拖車</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="459"/>
        <source>Add charge</source>
        <translation>新增費用</translation>
    </message>
</context>
<context>
    <name>CheckInForm</name>
    <message>
        <location filename="../../../ui/orders/header.py" line="207"/>
        <source>Customer&apos;s &amp;words</source>
        <translation>客戶描述(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="208"/>
        <source>Diagnosis</source>
        <translation>診斷</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="209"/>
        <source>Mileage in</source>
        <translation>進廠里程</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="210"/>
        <source>Fuel level</source>
        <translation>油量</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="211"/>
        <source>Damage marks</source>
        <translation>外觀損傷</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="212"/>
        <source>Valuables</source>
        <translation>貴重物品</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="213"/>
        <source>Warning lights</source>
        <translation>故障燈</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="214"/>
        <source>Promised time</source>
        <translation>承諾交車時間</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="215"/>
        <source>Contact by</source>
        <translation>聯絡方式</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="216"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="244"/>
        <source>not agreed</source>
        <translation>未約定</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="245"/>
        <source>waits in the lounge</source>
        <translation>在休息區等候</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="246"/>
        <source>Save check-in (Ctrl+S)</source>
        <translation>儲存接車記錄 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="252"/>
        <source>Phone call</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="252"/>
        <source>SMS</source>
        <translation>簡訊</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="253"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="253"/>
        <source>Do not contact</source>
        <translation>不聯絡</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="273"/>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <location filename="../../../ui/orders/panels.py" line="176"/>
        <source>This order was just changed at another terminal. Reload to see the latest version before you go on.</source>
        <translation>此工單剛在其他終端被修改。請先重新載入，查看最新內容後再繼續。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/panels.py" line="179"/>
        <source>This order was changed by someone else. Your change was not saved: reload to see the latest version.</source>
        <translation>此工單已被他人修改，您的變更未儲存：請重新載入以查看最新內容。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/panels.py" line="181"/>
        <source>Reload</source>
        <translation>重新載入</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="531"/>
        <source>Customer&apos;s consent</source>
        <translation>客戶同意</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="544"/>
        <source>Who agreed</source>
        <translation>同意人</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="545"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="546"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="547"/>
        <source>Record consent and save</source>
        <translation>記錄客戶同意並儲存</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="558"/>
        <source>Enter who agreed.</source>
        <translation>請填寫同意人。</translation>
    </message>
</context>
<context>
    <name>CustomerApprovalDialog</name>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="226"/>
        <source>Record customer approval</source>
        <translation>記錄客戶確認</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="229"/>
        <source>Additional work</source>
        <translation>追加項目</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="229"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="263"/>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="268"/>
        <source>Who agreed</source>
        <translation>確認人</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="269"/>
        <source>How</source>
        <translation>確認方式</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="270"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="271"/>
        <source>Amount agreed</source>
        <translation>確認金額</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="272"/>
        <source>Extra time</source>
        <translation>增加工期</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="273"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="274"/>
        <source>Record approval</source>
        <translation>記錄確認</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="276"/>
        <source>Tick the items the customer agreed to:</source>
        <translation>勾選客戶同意的項目：</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="309"/>
        <source>Tick at least one item.</source>
        <translation>請至少勾選一項。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="312"/>
        <source>Enter who agreed.</source>
        <translation>請填寫確認人。</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="339"/>
        <source>Dispatch jobs</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="342"/>
        <source>Job</source>
        <translation>工時項目</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="342"/>
        <source>Hours</source>
        <translation>工時</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="343"/>
        <source>Technician</source>
        <translation>技師</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="343"/>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="368"/>
        <source>— no bay —</source>
        <translation>— 不指定工位 —</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="378"/>
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="380"/>
        <source>Tick the jobs to send to the workshop:</source>
        <translation>勾選要派到車間的工時項目：</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="386"/>
        <source>No active technicians: add them in the workshop set-up.</source>
        <translation>沒有在職技師：請先在車間設定中新增。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="408"/>
        <source>Tick at least one job.</source>
        <translation>請至少勾選一個工時項目。</translation>
    </message>
</context>
<context>
    <name>JobEntry</name>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="281"/>
        <source>Job</source>
        <translation>工時項目</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="282"/>
        <source>Hours</source>
        <translation>工時</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="283"/>
        <source>Rate</source>
        <translation>工時單價</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="284"/>
        <source>Disc. %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="291"/>
        <source>Operation code or name, or describe the job</source>
        <translation>工時代碼或名稱，或直接描述作業</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="292"/>
        <source>standard</source>
        <translation>標準</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="293"/>
        <source>Add job</source>
        <translation>新增工時</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="444"/>
        <source>Edit job</source>
        <translation>修改工時項目</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="445"/>
        <source>Edit part</source>
        <translation>修改零件</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="446"/>
        <source>Edit charge</source>
        <translation>修改費用</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="465"/>
        <source>Description</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="467"/>
        <source>Hours</source>
        <translation>工時</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="468"/>
        <source>Hourly rate</source>
        <translation>工時單價</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="470"/>
        <source>Quantity</source>
        <translation>數量</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="471"/>
        <source>Unit price</source>
        <translation>單價</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="474"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="475"/>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="476"/>
        <source>Payer</source>
        <translation>付費方</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="478"/>
        <source>Reason for the change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="482"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="485"/>
        <source>The customer agreed to this line: say why it changes. Raising what the customer pays needs the customer&apos;s consent.</source>
        <translation>客戶已確認此項目：請說明修改原因。提高客戶應付金額需要客戶同意。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="510"/>
        <source>Say why the signed line changes.</source>
        <translation>請說明修改已簽字項目的原因。</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../../ui/orders/models.py" line="111"/>
        <source>Description</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="112"/>
        <source>Operation</source>
        <translation>工時代碼</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="112"/>
        <source>Part no.</source>
        <translation>零件編號</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="113"/>
        <source>Hours</source>
        <translation>工時</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="113"/>
        <source>Qty</source>
        <translation>數量</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="114"/>
        <source>Rate</source>
        <translation>工時單價</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="114"/>
        <source>Unit price</source>
        <translation>單價</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="115"/>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="116"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="116"/>
        <source>Payer</source>
        <translation>付費方</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="117"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="117"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="118"/>
        <source>On hand</source>
        <translation>庫存</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="118"/>
        <source>Reserved</source>
        <translation>已預留</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="119"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="119"/>
        <source>Issued</source>
        <translation>已出庫</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="134"/>
        <source>Approved additional work</source>
        <translation>已確認的追加項目</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="155"/>
        <source>Not enough stock for this line</source>
        <translation>庫存不足</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/models.py" line="157"/>
        <source>Additional work: not billable until the customer&apos;s approval is recorded</source>
        <translation>追加項目：記錄客戶確認後才計費</translation>
    </message>
</context>
<context>
    <name>LinesTab</name>
    <message>
        <location filename="../../../ui/orders/lines_tab.py" line="99"/>
        <source>Edit line (F2)</source>
        <translation>修改 (F2)</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/lines_tab.py" line="100"/>
        <source>Remove line (Del)</source>
        <translation>刪除 (Del)</translation>
    </message>
</context>
<context>
    <name>ManagerApprovalDialog</name>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="95"/>
        <source>Manager approval</source>
        <translation>經理審批</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="97"/>
        <source>A discount of {discount} is above your limit of {limit}. A manager must approve it with their user name and password.</source>
        <translation>折扣 {discount} 超出您的權限 {limit}，需由經理輸入使用者名稱和密碼審批。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="108"/>
        <source>Manager&apos;s user name</source>
        <translation>經理使用者名稱</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="109"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="110"/>
        <source>Approve</source>
        <translation>核准</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="121"/>
        <source>Enter the manager&apos;s user name and password.</source>
        <translation>請輸入經理的使用者名稱和密碼。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="131"/>
        <source>Wrong user name or password.</source>
        <translation>使用者名稱或密碼錯誤。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="134"/>
        <source>{name} may not approve discounts above the limit.</source>
        <translation>{name} 無權審批超限折扣。</translation>
    </message>
</context>
<context>
    <name>OrderDialogs</name>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="76"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OrderEditor</name>
    <message>
        <location filename="../../../ui/orders/editor.py" line="339"/>
        <source>&amp;Jobs ({count})</source>
        <translation>工時項目(&amp;J) ({count})</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="340"/>
        <source>&amp;Parts ({count})</source>
        <translation>零件(&amp;P) ({count})</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="344"/>
        <source>Check-&amp;in record</source>
        <translation>接車記錄(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="451"/>
        <source>Reload the order</source>
        <translation>重新載入工單</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="452"/>
        <source>Your unsaved changes to the check-in record will be discarded. Reload the latest version?</source>
        <translation>接車記錄中未儲存的修改將被捨棄。要載入最新版本嗎？</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="560"/>
        <source>Remove a signed line</source>
        <translation>刪除已簽字項目</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="561"/>
        <source>The customer signed for “{line}”. Why is it removed?</source>
        <translation>客戶已簽字確認「{line}」。刪除原因為何？</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="566"/>
        <source>Remove line</source>
        <translation>刪除項目</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="567"/>
        <source>Remove “{line}” from the order?</source>
        <translation>從工單中刪除「{line}」？</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="519"/>
        <source>{part}: not reserved — {missing} short</source>
        <translation>{part}：未預留 — 缺 {missing}</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="303"/>
        <source>{step}: already done on {when} by {who}.</source>
        <extracomment>Steps whose key means nothing else on the screen: pressed when the step is not offered, the editor says why instead of doing nothing (F5–F7 stay the screen&apos;s then).</extracomment>
        <translation>{step}：已於 {when} 由 {who} 完成。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="306"/>
        <source>{step}: the customer was already called on {when}.</source>
        <translation>{step}：已於 {when} 通知過客戶。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="309"/>
        <source>{step} is not possible now: the order is {status}.</source>
        <translation>現在無法{step}：工單狀態為「{status}」。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="341"/>
        <source>Other &amp;charges ({count})</source>
        <translation>其他費用(&amp;C) ({count})</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="514"/>
        <source>{part} was already on this order ({quantity}): added as a second line. To change the quantity, edit one line and remove the other.</source>
        <translation>{part} 已在本工單中（{quantity}）：已作為第二行新增。如需修改數量，請修改其中一行並刪除另一行。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="734"/>
        <source>Customer signed</source>
        <translation>客戶已簽字</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="735"/>
        <source>Has the customer signed the job card? New lines will then need the customer&apos;s approval.</source>
        <translation>客戶已在委託書上簽字了嗎？此後新增的項目需客戶確認。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="740"/>
        <source>Cancel the order</source>
        <translation>取消工單</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="741"/>
        <source>Why is the order cancelled?</source>
        <translation>取消工單的原因為何？</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="747"/>
        <source>Deliver</source>
        <translation>交車</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="748"/>
        <source>Hand the car over and print the gate pass?</source>
        <translation>交車並列印出門條？</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="764"/>
        <source>No job is ready to dispatch (jobs awaiting the customer&apos;s approval cannot be dispatched).</source>
        <translation>沒有可派工的工時項目（待客戶確認的項目不能派工）。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="848"/>
        <source>Unsaved changes</source>
        <translation>有未儲存的內容</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/editor.py" line="849"/>
        <source>Something typed on order {number} is not saved. Close anyway and lose it?</source>
        <translation>工單 {number} 中有輸入內容尚未儲存。仍要關閉並捨棄嗎？</translation>
    </message>
</context>
<context>
    <name>OrderHeader</name>
    <message>
        <location filename="../../../ui/orders/header.py" line="102"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="102"/>
        <source>Vehicle</source>
        <translation>車輛</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="103"/>
        <source>Mileage in</source>
        <translation>進廠里程</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="103"/>
        <source>Promised</source>
        <translation>承諾交車</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="104"/>
        <source>Advisor</source>
        <translation>服務顧問</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="104"/>
        <source>Checked in</source>
        <translation>接車時間</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="109"/>
        <source>No order open</source>
        <translation>未開啟工單</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="124"/>
        <source>✓ reviewed {when}</source>
        <translation>✓ 已完工審核 {when}</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="127"/>
        <source>✓ customer called {when}</source>
        <translation>✓ 已通知客戶 {when}</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="134"/>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="138"/>
        <source>not agreed</source>
        <translation>未約定</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/header.py" line="142"/>
        <source>Customer&apos;s words: {text}</source>
        <translation>客戶描述：{text}</translation>
    </message>
</context>
<context>
    <name>OrderTexts</name>
    <message>
        <location filename="../../../ui/orders/texts.py" line="27"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="28"/>
        <source>Insurer</source>
        <translation>保險公司</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="29"/>
        <source>Warranty</source>
        <translation>原廠保固</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="30"/>
        <source>Internal</source>
        <translation>內部</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="38"/>
        <source>In person</source>
        <translation>當面確認</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="39"/>
        <source>By phone</source>
        <translation>電話確認</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="40"/>
        <source>By message (WeChat/SMS)</source>
        <translation>訊息確認（微信/簡訊）</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="50"/>
        <source>Not dispatched</source>
        <translation>未派工</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="51"/>
        <source>Dispatched</source>
        <translation>已派工</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="52"/>
        <source>Being worked on</source>
        <translation>作業中</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="53"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="54"/>
        <source>Done</source>
        <translation>已完工</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="55"/>
        <source>Passed inspection</source>
        <translation>質檢合格</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="56"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="63"/>
        <source>Awaiting customer approval</source>
        <translation>待客戶確認</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="68"/>
        <source>parts</source>
        <translation>等零件</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="69"/>
        <source>customer approval</source>
        <translation>等客戶確認</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="70"/>
        <source>sublet work</source>
        <translation>等外包</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="80"/>
        <source>{status}: {reason}</source>
        <translation>{status}：{reason}</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/texts.py" line="83"/>
        <source>{status} · late</source>
        <translation>{status} · 已逾時</translation>
    </message>
</context>
<context>
    <name>PartEntry</name>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="367"/>
        <source>{available} available</source>
        <translation>可用 {available}</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="381"/>
        <source>Part</source>
        <translation>零件</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="382"/>
        <source>Qty</source>
        <translation>數量</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="383"/>
        <source>Disc. %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="390"/>
        <source>Scan or type a part number or name</source>
        <translation>掃碼或輸入零件編號/名稱</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/line_entry.py" line="391"/>
        <source>Add part</source>
        <translation>新增零件</translation>
    </message>
</context>
<context>
    <name>PendingBanner</name>
    <message>
        <location filename="../../../ui/orders/panels.py" line="129"/>
        <source>Additional work awaiting customer approval: {count} item(s), {amount}. Not billable until approved.</source>
        <translation>追加項目待客戶確認：{count} 項，{amount}。確認前不計費。</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/panels.py" line="132"/>
        <source>F4  Record customer approval</source>
        <translation>F4  記錄客戶確認</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../../ui/orders/dialogs.py" line="171"/>
        <source>OK</source>
        <translation>確定</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../../ui/orders/panels.py" line="70"/>
        <source>Totals (prices incl. VAT)</source>
        <translation>合計（價格含增值稅）</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/panels.py" line="71"/>
        <source>Totals</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/panels.py" line="72"/>
        <source>Net</source>
        <translation>未稅</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/panels.py" line="73"/>
        <source>VAT</source>
        <translation>增值稅</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/panels.py" line="74"/>
        <source>Total</source>
        <translation>總計</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/panels.py" line="77"/>
        <source>{payer} pays</source>
        <translation>{payer}支付</translation>
    </message>
    <message>
        <location filename="../../../ui/orders/panels.py" line="87"/>
        <source>Invoice {number} · balance {balance}</source>
        <translation>發票 {number} · 未付 {balance}</translation>
    </message>
</context>
</TS>
