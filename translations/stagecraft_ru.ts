<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Stagecraft::Model</name>
    <message>
        <source>the file contains a NUL byte; werf.yaml must be UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid UTF-8 byte 0x%1; werf.yaml must be UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>werf 1.1 rules: no newer keys or template features found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>werf %1 rules: %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>werf %1 rules: selected explicitly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is too large (%1 bytes; the limit is %2 MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>werf 1.1 rules: no newer template features found (the rendered config may still use newer keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this config uses Go templates and needs template rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rendered config is too large (%1 bytes; the limit is %2 MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -&gt; %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>artifact `%1` is not used by any image, so werf does not build it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discarded</source>
        <comment>stage built, then replaced by one another builder stored</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete (the log ends without werf&apos;s running time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>werf %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running time: %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cached</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n built</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last output lines (%1 of %2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>werf panicked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1:1:1: error: no werf build output found (%n line(s) read)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: error: is a directory, not a werf build log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: error: cannot read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rendered output exceeds %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>function &quot;%1&quot; gives a different result on every run: the rendered config, and the stage signatures that depend on it, are not reproducible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the config has %1 documents; more than %2 are not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>function &quot;%1&quot; reads the environment: the rendered config, and the stage signatures that depend on it, change with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value nested more than 1000 levels deep (a map containing itself?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than 64 MiB of random bytes exceed the limits of this renderer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than 4194304 list elements exceed the limits of this renderer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maps nested more than 1000 levels deep (a map containing itself?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replacement output exceeds the 256 MiB limit of this renderer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repeat output exceeds the 256 MiB limit of this renderer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a random string over 64 MiB exceeds the limits of this renderer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature not available on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous stage only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not defined in werf.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dependency cycle through %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depends on %1, whose signature is not computed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an earlier stage (%1) is not computed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature of the previous stage (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the previous stage passes on (its git commits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image has no stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git mapping %1 → %2 (add, to, includePaths, excludePaths, owner, group, branch, tag, commit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature of the dockerfile stage (werf §5.4.6: instructions with ARG/ENV expanded, base image ONBUILD instructions, build-context checksum) is not computed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fromCacheVersion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fromLatest: the current digest of %1 must be read from its registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry digest of the base image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mount %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>artifact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content signature of the base %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tasks of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 commands of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stageDependencies of %1 need the git repository: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files of %1 (stageDependencies.%2 of git mapping %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content signature of %1 (import %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content signature of stage %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import of %1: add, to, group, owner, includePaths, excludePaths, stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size of the git patch since the previous stage (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git patch %1..%2 of mapping %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ansible task at %1 cannot be converted to JSON as werf does: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this project uses werf %1 rules: its stage digests (BuildCacheVersion 1.2, different formulas) are not computed; werf 1.1 signatures would not be theirs (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commit %1 is not in the injected repository state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no clone of the remote repository %1 is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no repository for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no repository to compute the patch %1..%2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git %1 failed (exit code %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not finish: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid commit &quot;%1&quot;: not a full hexadecimal object id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected git ls-tree output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid commit range %1..%2: not full hexadecimal object ids</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui</name>
    <message>
        <source>Print the rendered config, like `werf config render`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate with werf&apos;s rules; errors as FILE:LINE:COL: error: MESSAGE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the image dependency graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: stagecraft [PATH]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH is a werf.yaml (or werf.yml) or a project directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 problems found, 2 usage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose rules to apply: 1.1, 1.2, 2 or auto (default: detect).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown werf version &quot;%1&quot;: expected 1.1, 1.2, 2 or auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stagecraft: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print, before each output line, where it came from (FILE:LINE:COL and how).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yaml (default), json or dot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: expected yaml, json or dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarise a saved werf build log (cached, built and failed stages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the build events as JSON Lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print werf 1.1 stage signatures and the status of each stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the plan as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (content signature %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::CommandLine</name>
    <message>
        <source>unknown command: %1</source>
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
