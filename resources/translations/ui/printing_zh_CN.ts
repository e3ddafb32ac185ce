<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Printing</name>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="40"/>
        <location filename="../../../ui/printing/dialogs.py" line="81"/>
        <location filename="../../../ui/printing/dialogs.py" line="109"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="44"/>
        <source>“{title}” is ready.</source>
        <translation>“{title}”已生成。</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="50"/>
        <source>Printer: {printer}</source>
        <translation>打印机：{printer}</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="52"/>
        <source>No printer chosen yet for this document.</source>
        <translation>此类单据尚未选择打印机。</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="54"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="57"/>
        <source>&amp;Open PDF</source>
        <translation>打开 PDF(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="59"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="94"/>
        <source>No PDF viewer could be opened. The document was saved as {path}.</source>
        <translation>无法打开 PDF 阅读器。单据已保存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="127"/>
        <source>This computer has no print system that accepts PDF files. The document opens in the PDF viewer: print it from there.</source>
        <translation>本机没有可直接打印 PDF 文件的打印系统。单据将在 PDF 阅读器中打开，请从阅读器打印。</translation>
    </message>
    <message>
        <location filename="../../../ui/printing/dialogs.py" line="136"/>
        <source>The document could not be sent to the printer ({error}). It was saved as {path}.</source>
        <translation>单据未能发送到打印机（{error}）。已保存为 {path}。</translation>
    </message>
</context>
</TS>
