<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Stagecraft::Ui::CommandLine</name>
    <message>
        <source>Usage: stagecraft [PATH]
       stagecraft render PATH
       stagecraft lint PATH [--werf-version 1.1|1.2|2]
       stagecraft graph PATH [--format yaml|json|dot]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command: %1
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::MainWindow</name>
    <message>
        <source>Stagecraft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Stagecraft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
