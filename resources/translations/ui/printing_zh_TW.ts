<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Printing</name>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="40"/>
        <location filename="../../../ui/printing/dialogs.py" line="81"/>
        <location filename="../../../ui/printing/dialogs.py" line="109"/>
        <source>Print</source>
        <translation>列印</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="44"/>
        <source>“{title}” is ready.</source>
        <translation>「{title}」已產生。</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="50"/>
        <source>Printer: {printer}</source>
        <translation>印表機：{printer}</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="52"/>
        <source>No printer chosen yet for this document.</source>
        <translation>此類單據尚未選擇印表機。</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="54"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="57"/>
        <source>&amp;Open PDF</source>
        <translation>開啟 PDF(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="59"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="94"/>
        <source>No PDF viewer could be opened. The document was saved as {path}.</source>
        <translation>無法開啟 PDF 檢視器。單據已儲存為 {path}。</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="127"/>
        <source>This computer has no print system that accepts PDF files. The document opens in the PDF viewer: print it from there.</source>
        <translation>本機沒有可直接列印 PDF 檔案的列印系統。單據將在 PDF 檢視器中開啟，請從檢視器列印。</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="136"/>
        <source>The document could not be sent to the printer ({error}). It was saved as {path}.</source>
        <translation>單據未能傳送到印表機（{error}）。已儲存為 {path}。</translation>
    </message>
</context>
</TS>
