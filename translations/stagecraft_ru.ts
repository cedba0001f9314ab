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
    <message>
        <source>%1: not a layout file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dockerfile image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>external base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External base images are not defined in werf.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>stage status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached</source>
        <comment>stage status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalidated</source>
        <comment>stage status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building</source>
        <comment>stage status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built</source>
        <comment>stage status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>stage status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a plan: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a plan: no &quot;images&quot; list (expected `stagecraft plan --json` output)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stagecraft::Model::ConveyorModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stagecraft::Model::ProblemsModel</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
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
    <message>
        <source>Draw the conveyor graph, as the window shows it, to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: error: cannot read: %2</source>
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
    <name>Stagecraft::Ui::ConveyorScene</name>
    <message>
        <source>%1
external base image</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2)
%n stage(s)
Double-click to collapse or expand</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::ConveyorView</name>
    <message>
        <source>Focus on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show All Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to View</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::Exporter</name>
    <message>
        <source>%1 needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--scale needs a number between 0 and 16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export needs a werf.yaml or project directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export needs -o OUT.png, OUT.svg or OUT.dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown export format of %1: use .png, .svg or .dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stagecraft conveyor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scale must be between 0 and 16, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG and SVG export need a QApplication (use the offscreen platform without a display)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image would be too large (more than %1 pixels a side); use a smaller --scale or export SVG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::Legend</name>
    <message>
        <source>Stage status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fromImage / from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import (add → to)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dependency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import</source>
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
    <message>
        <source>%1: no werf.yaml or werf.yml found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no werf.yaml loader is configured; showing the text only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Stagecraft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stagecraft %1&lt;/h3&gt;&lt;p&gt;A desktop viewer and editor for werf.yaml stage conveyors.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) match</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a werf.yaml (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project &amp;Directory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as &amp;DOT…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus on &amp;Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the selected image with its ancestors and descendants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;All Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget dragged positions and collapsed nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show E&amp;xternal Base Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Stagecraft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find image or stage… (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter images and stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>focused on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open werf.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>werf configuration (werf.yaml werf.yml *.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphviz DOT (*.dot *.gv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale (1 = 100 %):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::PropertiesPanel</name>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defined at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stages (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Dependency set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
