<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Stagecraft::Model</name>
    <message>
        <source>the file contains a NUL byte; werf.yaml must be UTF-8 text</source>
        <translation>файл содержит байт NUL; werf.yaml должен быть текстом в UTF-8</translation>
    </message>
    <message>
        <source>invalid UTF-8 byte 0x%1; werf.yaml must be UTF-8 text</source>
        <translation>недопустимый байт UTF-8 0x%1; werf.yaml должен быть текстом в UTF-8</translation>
    </message>
    <message>
        <source>werf 1.1 rules: no newer keys or template features found</source>
        <translation>правила werf 1.1: новые ключи и возможности шаблонов не найдены</translation>
    </message>
    <message>
        <source>werf %1 rules: %2 at %3</source>
        <translation>правила werf %1: %2 в %3</translation>
    </message>
    <message>
        <source>werf %1 rules: selected explicitly</source>
        <translation>правила werf %1: выбраны явно</translation>
    </message>
    <message>
        <source>the file is too large (%1 bytes; the limit is %2 MiB)</source>
        <translation>файл слишком большой (%1 байт; ограничение — %2 МиБ)</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>не удаётся прочитать файл: %1</translation>
    </message>
    <message>
        <source>werf 1.1 rules: no newer template features found (the rendered config may still use newer keys)</source>
        <translation>правила werf 1.1: новые возможности шаблонов не найдены (отрендеренная конфигурация всё же может использовать новые ключи)</translation>
    </message>
    <message>
        <source>this config uses Go templates and needs template rendering</source>
        <translation>эта конфигурация использует шаблоны Go и требует рендеринга шаблонов</translation>
    </message>
    <message>
        <source>the rendered config is too large (%1 bytes; the limit is %2 MiB)</source>
        <translation>отрендеренная конфигурация слишком большая (%1 байт; ограничение — %2 МиБ)</translation>
    </message>
    <message>
        <source>%1 -&gt; %2 at %3</source>
        <translation>%1 -&gt; %2 в %3</translation>
    </message>
    <message>
        <source>artifact `%1` is not used by any image, so werf does not build it</source>
        <translation>артефакт `%1` не используется ни одним образом, поэтому werf его не собирает</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>не завершена</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>в кэше</translation>
    </message>
    <message>
        <source>built</source>
        <translation>собрана</translation>
    </message>
    <message>
        <source>discarded</source>
        <comment>stage built, then replaced by one another builder stored</comment>
        <translation>отброшена</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ОШИБКА</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>отсутствует</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>успешно</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>incomplete (the log ends without werf&apos;s running time)</source>
        <translation>не завершена (журнал заканчивается без времени работы werf)</translation>
    </message>
    <message>
        <source>werf %1</source>
        <translation>werf %1</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Результат: %1</translation>
    </message>
    <message>
        <source>Running time: %1 s</source>
        <translation>Время работы: %1 с</translation>
    </message>
    <message>
        <source>Artifact %1</source>
        <translation>Артефакт %1</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>Образ %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message numerus="yes">
        <source>%n cached</source>
        <translation>
            <numerusform>%n в кэше</numerusform>
            <numerusform>%n в кэше</numerusform>
            <numerusform>%n в кэше</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n built</source>
        <translation>
            <numerusform>%n собрана</numerusform>
            <numerusform>%n собраны</numerusform>
            <numerusform>%n собрано</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n отсутствует</numerusform>
            <numerusform>%n отсутствуют</numerusform>
            <numerusform>%n отсутствуют</numerusform>
        </translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>код выхода %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>Last output lines (%1 of %2):</source>
        <translation>Последние строки вывода (%1 из %2):</translation>
    </message>
    <message>
        <source>werf panicked: %1</source>
        <translation>werf завершился с паникой: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Сбой: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1:1:1: error: no werf build output found (%n line(s) read)</source>
        <translation>
            <numerusform>%1:1:1: error: вывод сборки werf не найден (прочитана %n строка)</numerusform>
            <numerusform>%1:1:1: error: вывод сборки werf не найден (прочитано %n строки)</numerusform>
            <numerusform>%1:1:1: error: вывод сборки werf не найден (прочитано %n строк)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: error: is a directory, not a werf build log</source>
        <translation>%1: error: это каталог, а не журнал сборки werf</translation>
    </message>
    <message>
        <source>%1: error: cannot read: %2</source>
        <translation>%1: error: не удаётся прочитать: %2</translation>
    </message>
    <message>
        <source>the rendered output exceeds %1 bytes</source>
        <translation>отрендеренный вывод превышает %1 байт</translation>
    </message>
    <message>
        <source>function &quot;%1&quot; gives a different result on every run: the rendered config, and the stage signatures that depend on it, are not reproducible</source>
        <translation>функция &quot;%1&quot; даёт разный результат при каждом запуске: отрендеренная конфигурация и зависящие от неё сигнатуры стадий невоспроизводимы</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>the config has %1 documents; more than %2 are not supported</source>
        <translation>в конфигурации %1 документов; более %2 не поддерживается</translation>
    </message>
    <message>
        <source>function &quot;%1&quot; reads the environment: the rendered config, and the stage signatures that depend on it, change with it</source>
        <translation>функция &quot;%1&quot; читает окружение: отрендеренная конфигурация и зависящие от неё сигнатуры стадий меняются вместе с ним</translation>
    </message>
    <message>
        <source>value nested more than 1000 levels deep (a map containing itself?)</source>
        <translation>значение вложено глубже 1000 уровней (словарь, содержащий сам себя?)</translation>
    </message>
    <message>
        <source>more than 64 MiB of random bytes exceed the limits of this renderer</source>
        <translation>более 64 МиБ случайных байтов превышают ограничения этого рендерера</translation>
    </message>
    <message>
        <source>more than 4194304 list elements exceed the limits of this renderer</source>
        <translation>более 4194304 элементов списка превышают ограничения этого рендерера</translation>
    </message>
    <message>
        <source>maps nested more than 1000 levels deep (a map containing itself?)</source>
        <translation>словари вложены глубже 1000 уровней (словарь, содержащий сам себя?)</translation>
    </message>
    <message>
        <source>replacement output exceeds the 256 MiB limit of this renderer</source>
        <translation>вывод замены превышает ограничение этого рендерера в 256 МиБ</translation>
    </message>
    <message>
        <source>repeat output exceeds the 256 MiB limit of this renderer</source>
        <translation>вывод repeat превышает ограничение этого рендерера в 256 МиБ</translation>
    </message>
    <message>
        <source>a random string over 64 MiB exceeds the limits of this renderer</source>
        <translation>случайная строка длиннее 64 МиБ превышает ограничения этого рендерера</translation>
    </message>
    <message>
        <source>new stage</source>
        <translation>новая стадия</translation>
    </message>
    <message>
        <source>stage removed</source>
        <translation>стадия удалена</translation>
    </message>
    <message>
        <source>signature not available on both sides</source>
        <translation>сигнатура доступна не с обеих сторон</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1: добавлено</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1: удалено</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1: изменено</translation>
    </message>
    <message>
        <source>previous stage only</source>
        <translation>только предыдущая стадия</translation>
    </message>
    <message>
        <source>stage inputs</source>
        <translation>входные данные стадии</translation>
    </message>
    <message>
        <source>%1 is not defined in werf.yaml</source>
        <translation>%1 не определён в werf.yaml</translation>
    </message>
    <message>
        <source>dependency cycle through %1</source>
        <translation>цикл зависимостей через %1</translation>
    </message>
    <message>
        <source>depends on %1, whose signature is not computed: %2</source>
        <translation>зависит от %1, чья сигнатура не вычислена: %2</translation>
    </message>
    <message>
        <source>an earlier stage (%1) is not computed: %2</source>
        <translation>более ранняя стадия (%1) не вычислена: %2</translation>
    </message>
    <message>
        <source>signature of the previous stage (%1)</source>
        <translation>сигнатура предыдущей стадии (%1)</translation>
    </message>
    <message>
        <source>what the previous stage passes on (its git commits)</source>
        <translation>что передаёт предыдущая стадия (её коммиты git)</translation>
    </message>
    <message>
        <source>git: %1</source>
        <translation>git: %1</translation>
    </message>
    <message>
        <source>the image has no stages</source>
        <translation>у образа нет стадий</translation>
    </message>
    <message>
        <source>git mapping %1 → %2 (add, to, includePaths, excludePaths, owner, group, branch, tag, commit)</source>
        <translation>git-маппинг %1 → %2 (add, to, includePaths, excludePaths, owner, group, branch, tag, commit)</translation>
    </message>
    <message>
        <source>the signature of the dockerfile stage (werf §5.4.6: instructions with ARG/ENV expanded, base image ONBUILD instructions, build-context checksum) is not computed yet</source>
        <translation>сигнатура стадии dockerfile (werf §5.4.6: инструкции с раскрытыми ARG/ENV, инструкции ONBUILD базового образа, контрольная сумма контекста сборки) ещё не вычислена</translation>
    </message>
    <message>
        <source>fromCacheVersion</source>
        <translation>fromCacheVersion</translation>
    </message>
    <message>
        <source>fromLatest: the current digest of %1 must be read from its registry</source>
        <translation>fromLatest: текущий дайджест %1 нужно прочитать из его реестра</translation>
    </message>
    <message>
        <source>registry digest of the base image %1</source>
        <translation>дайджест базового образа %1 в реестре</translation>
    </message>
    <message>
        <source>mount %1</source>
        <translation>монтирование %1</translation>
    </message>
    <message>
        <source>artifact %1</source>
        <translation>артефакт %1</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>образ %1</translation>
    </message>
    <message>
        <source>content signature of the base %1</source>
        <translation>сигнатура содержимого базы %1</translation>
    </message>
    <message>
        <source>base image</source>
        <translation>базовый образ</translation>
    </message>
    <message>
        <source>%1 tasks of %2</source>
        <translation>задачи %1 образа %2</translation>
    </message>
    <message>
        <source>%1 commands of %2</source>
        <translation>команды %1 образа %2</translation>
    </message>
    <message>
        <source>stageDependencies of %1 need the git repository: %2</source>
        <translation>для stageDependencies %1 нужен git-репозиторий: %2</translation>
    </message>
    <message>
        <source>files of %1 (stageDependencies.%2 of git mapping %3)</source>
        <translation>файлы %1 (stageDependencies.%2 git-маппинга %3)</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>(не найдено)</translation>
    </message>
    <message>
        <source>content signature of %1 (import %2)</source>
        <translation>сигнатура содержимого %1 (import %2)</translation>
    </message>
    <message>
        <source>content signature of stage %1 of %2</source>
        <translation>сигнатура содержимого стадии %1 образа %2</translation>
    </message>
    <message>
        <source>import of %1: add, to, group, owner, includePaths, excludePaths, stage</source>
        <translation>import из %1: add, to, group, owner, includePaths, excludePaths, stage</translation>
    </message>
    <message>
        <source>size of the git patch since the previous stage (bytes)</source>
        <translation>размер git-патча с предыдущей стадии (байт)</translation>
    </message>
    <message>
        <source>git patch %1..%2 of mapping %3</source>
        <translation>git-патч %1..%2 маппинга %3</translation>
    </message>
    <message>
        <source>ansible task at %1 cannot be converted to JSON as werf does: %2</source>
        <translation>задачу ansible в %1 не удаётся преобразовать в JSON так, как это делает werf: %2</translation>
    </message>
    <message>
        <source>this project uses werf %1 rules: its stage digests (BuildCacheVersion 1.2, different formulas) are not computed; werf 1.1 signatures would not be theirs (%2)</source>
        <translation>этот проект использует правила werf %1: дайджесты его стадий (BuildCacheVersion 1.2, другие формулы) не вычисляются; сигнатуры werf 1.1 им не соответствовали бы (%2)</translation>
    </message>
    <message>
        <source>commit %1 is not in the injected repository state</source>
        <translation>коммита %1 нет во внедрённом состоянии репозитория</translation>
    </message>
    <message>
        <source>no clone of the remote repository %1 is available</source>
        <translation>клон удалённого репозитория %1 недоступен</translation>
    </message>
    <message>
        <source>no repository for %1</source>
        <translation>нет репозитория для %1</translation>
    </message>
    <message>
        <source>no repository to compute the patch %1..%2 of %3</source>
        <translation>нет репозитория для вычисления патча %1..%2 для %3</translation>
    </message>
    <message>
        <source>git %1 failed (exit code %2): %3</source>
        <translation>git %1 завершился с ошибкой (код выхода %2): %3</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>не удаётся запустить %1: %2</translation>
    </message>
    <message>
        <source>%1 did not finish: %2</source>
        <translation>%1 не завершился: %2</translation>
    </message>
    <message>
        <source>invalid commit &quot;%1&quot;: not a full hexadecimal object id</source>
        <translation>недопустимый коммит &quot;%1&quot;: не полный шестнадцатеричный идентификатор объекта</translation>
    </message>
    <message>
        <source>unexpected git ls-tree output: %1</source>
        <translation>неожиданный вывод git ls-tree: %1</translation>
    </message>
    <message>
        <source>invalid commit range %1..%2: not full hexadecimal object ids</source>
        <translation>недопустимый диапазон коммитов %1..%2: не полные шестнадцатеричные идентификаторы объектов</translation>
    </message>
    <message>
        <source>%1: not a layout file: %2</source>
        <translation>%1: не файл раскладки: %2</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>не удаётся удалить %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>image</source>
        <translation>образ</translation>
    </message>
    <message>
        <source>artifact</source>
        <translation>артефакт</translation>
    </message>
    <message>
        <source>Dockerfile image</source>
        <translation>образ Dockerfile</translation>
    </message>
    <message>
        <source>external base</source>
        <translation>внешняя база</translation>
    </message>
    <message>
        <source>External base images are not defined in werf.yaml.</source>
        <translation>Внешние базовые образы не определяются в werf.yaml.</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>стадия</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>stage status</comment>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>Cached</source>
        <comment>stage status</comment>
        <translation>В кэше</translation>
    </message>
    <message>
        <source>Invalidated</source>
        <comment>stage status</comment>
        <translation>Недействительна</translation>
    </message>
    <message>
        <source>Building</source>
        <comment>stage status</comment>
        <translation>Собирается</translation>
    </message>
    <message>
        <source>Built</source>
        <comment>stage status</comment>
        <translation>Собрана</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>stage status</comment>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>not a plan: %1 at byte %2</source>
        <translation>не план: %1 в байте %2</translation>
    </message>
    <message>
        <source>not a plan: no &quot;images&quot; list (expected `stagecraft plan --json` output)</source>
        <translation>не план: нет списка &quot;images&quot; (ожидается вывод `stagecraft plan --json`)</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Model::ConveyorModel</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Сигнатура</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Расположение</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Model::ProblemsModel</name>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Расположение</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::CommandLine</name>
    <message>
        <source>unknown command: %1</source>
        <translation>неизвестная команда: %1</translation>
    </message>
    <message>
        <source>Print the rendered config, like `werf config render`.</source>
        <translation>Вывести отрендеренную конфигурацию, как `werf config render`.</translation>
    </message>
    <message>
        <source>Validate with werf&apos;s rules; errors as FILE:LINE:COL: error: MESSAGE.</source>
        <translation>Проверить по правилам werf; ошибки в виде FILE:LINE:COL: error: MESSAGE.</translation>
    </message>
    <message>
        <source>Print the image dependency graph.</source>
        <translation>Вывести граф зависимостей образов.</translation>
    </message>
    <message>
        <source>Print werf 1.1 stage signatures and the status of each stage.</source>
        <translation>Вывести сигнатуры стадий werf 1.1 и статус каждой стадии.</translation>
    </message>
    <message>
        <source>Draw the conveyor graph, as the window shows it, to a file.</source>
        <translation>Нарисовать граф конвейера, как он показан в окне, в файл.</translation>
    </message>
    <message>
        <source>Summarise a saved werf build log (cached, built and failed stages).</source>
        <translation>Сводка по сохранённому журналу сборки werf (стадии из кэша, собранные и с ошибкой).</translation>
    </message>
    <message>
        <source>Usage: stagecraft [PATH]</source>
        <translation>Использование: stagecraft [PATH]</translation>
    </message>
    <message>
        <source>PATH is a werf.yaml (or werf.yml) or a project directory.</source>
        <translation>PATH — файл werf.yaml (или werf.yml) или каталог проекта.</translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 problems found, 2 usage error.</source>
        <translation>Коды выхода: 0 — успех, 1 — найдены проблемы, 2 — ошибка использования.</translation>
    </message>
    <message>
        <source>Whose rules to apply: 1.1, 1.2, 2 or auto (default: detect).</source>
        <translation>Правила какой версии применять: 1.1, 1.2, 2 или auto (по умолчанию: определить).</translation>
    </message>
    <message>
        <source>missing PATH</source>
        <translation>не указан PATH</translation>
    </message>
    <message>
        <source>too many arguments</source>
        <translation>слишком много аргументов</translation>
    </message>
    <message>
        <source>unknown werf version &quot;%1&quot;: expected 1.1, 1.2, 2 or auto</source>
        <translation>неизвестная версия werf &quot;%1&quot;: ожидается 1.1, 1.2, 2 или auto</translation>
    </message>
    <message>
        <source>stagecraft: %1</source>
        <translation>stagecraft: %1</translation>
    </message>
    <message>
        <source>Print, before each output line, where it came from (FILE:LINE:COL and how).</source>
        <translation>Выводить перед каждой строкой вывода, откуда она взялась (FILE:LINE:COL и каким образом).</translation>
    </message>
    <message>
        <source>generated by %1</source>
        <translation>сгенерировано с помощью %1</translation>
    </message>
    <message>
        <source>yaml (default), json or dot.</source>
        <translation>yaml (по умолчанию), json или dot.</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: expected yaml, json or dot</source>
        <translation>неизвестный формат &quot;%1&quot;: ожидается yaml, json или dot</translation>
    </message>
    <message>
        <source>Print the plan as JSON.</source>
        <translation>Вывести план в формате JSON.</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>проект %1</translation>
    </message>
    <message>
        <source>  (content signature %1)</source>
        <translation>  (сигнатура содержимого %1)</translation>
    </message>
    <message>
        <source>%1: error: cannot read: %2</source>
        <translation>%1: error: не удаётся прочитать: %2</translation>
    </message>
    <message>
        <source>Print the build events as JSON Lines.</source>
        <translation>Вывести события сборки в формате JSON Lines.</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::ConveyorScene</name>
    <message>
        <source>%1
external base image</source>
        <translation>%1
внешний базовый образ</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2)
%n stage(s)
Double-click to collapse or expand</source>
        <translation>
            <numerusform>%1 (%2)
%n стадия
Двойной щелчок — свернуть или развернуть</numerusform>
            <numerusform>%1 (%2)
%n стадии
Двойной щелчок — свернуть или развернуть</numerusform>
            <numerusform>%1 (%2)
%n стадий
Двойной щелчок — свернуть или развернуть</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::ConveyorView</name>
    <message>
        <source>Focus on %1</source>
        <translation>Фокус на %1</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>Развернуть</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>Свернуть</translation>
    </message>
    <message>
        <source>Copy Name</source>
        <translation>Копировать имя</translation>
    </message>
    <message>
        <source>Show All Images</source>
        <translation>Показать все образы</translation>
    </message>
    <message>
        <source>Fit to View</source>
        <translation>По размеру окна</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::Exporter</name>
    <message>
        <source>%1 needs a file name</source>
        <translation>%1 требует имя файла</translation>
    </message>
    <message>
        <source>--scale needs a number between 0 and 16</source>
        <translation>--scale требует число от 0 до 16</translation>
    </message>
    <message>
        <source>unknown option: %1</source>
        <translation>неизвестный параметр: %1</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>неожиданный аргумент: %1</translation>
    </message>
    <message>
        <source>export needs a werf.yaml or project directory</source>
        <translation>для экспорта нужен werf.yaml или каталог проекта</translation>
    </message>
    <message>
        <source>export needs -o OUT.png, OUT.svg or OUT.dot</source>
        <translation>для экспорта нужен -o OUT.png, OUT.svg или OUT.dot</translation>
    </message>
    <message>
        <source>unknown export format of %1: use .png, .svg or .dot</source>
        <translation>неизвестный формат экспорта %1: используйте .png, .svg или .dot</translation>
    </message>
    <message>
        <source>Stagecraft conveyor</source>
        <translation>Конвейер Stagecraft</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>не удаётся записать %1</translation>
    </message>
    <message>
        <source>the scale must be between 0 and 16, not %1</source>
        <translation>масштаб должен быть от 0 до 16, а не %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>PNG and SVG export need a QApplication (use the offscreen platform without a display)</source>
        <translation>для экспорта в PNG и SVG нужен QApplication (без дисплея используйте платформу offscreen)</translation>
    </message>
    <message>
        <source>the image would be too large (more than %1 pixels a side); use a smaller --scale or export SVG</source>
        <translation>изображение получилось бы слишком большим (более %1 пикселей по стороне); укажите меньший --scale или экспортируйте в SVG</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::Legend</name>
    <message>
        <source>Stage status</source>
        <translation>Статус стадии</translation>
    </message>
    <message>
        <source>fromImage / from</source>
        <translation>fromImage / from</translation>
    </message>
    <message>
        <source>import (add → to)</source>
        <translation>import (add → to)</translation>
    </message>
    <message>
        <source>dependency</source>
        <translation>зависимость</translation>
    </message>
    <message>
        <source>Edges</source>
        <translation>Связи</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::MainWindow</name>
    <message>
        <source>Stagecraft</source>
        <translation>Stagecraft</translation>
    </message>
    <message>
        <source>%1 — Stagecraft</source>
        <translation>%1 — Stagecraft</translation>
    </message>
    <message>
        <source>%1: no werf.yaml or werf.yml found</source>
        <translation>%1: werf.yaml или werf.yml не найден</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>no werf.yaml loader is configured; showing the text only</source>
        <translation>загрузчик werf.yaml не настроен; показан только текст</translation>
    </message>
    <message>
        <source>About Stagecraft</source>
        <translation>О программе Stagecraft</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stagecraft %1&lt;/h3&gt;&lt;p&gt;A desktop viewer and editor for werf.yaml stage conveyors.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Stagecraft %1&lt;/h3&gt;&lt;p&gt;Программа для просмотра и редактирования конвейеров стадий werf.yaml.&lt;/p&gt;&lt;p&gt;Лицензия: GPL-3.0-or-later&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) match</source>
        <translation>
            <numerusform>%n образ подходит</numerusform>
            <numerusform>%n образа подходят</numerusform>
            <numerusform>%n образов подходят</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>&amp;Открыть файл…</translation>
    </message>
    <message>
        <source>Open a werf.yaml (%1)</source>
        <translation>Открыть werf.yaml (%1)</translation>
    </message>
    <message>
        <source>Open Project &amp;Directory…</source>
        <translation>Открыть &amp;каталог проекта…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Перезагрузить</translation>
    </message>
    <message>
        <source>Export as &amp;PNG…</source>
        <translation>Экспорт в &amp;PNG…</translation>
    </message>
    <message>
        <source>Export as &amp;SVG…</source>
        <translation>Экспорт в &amp;SVG…</translation>
    </message>
    <message>
        <source>Export as &amp;DOT…</source>
        <translation>Экспорт в &amp;DOT…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Исходный размер</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>По &amp;размеру окна</translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation>&amp;Свернуть все</translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation>Р&amp;азвернуть все</translation>
    </message>
    <message>
        <source>Focus on &amp;Selection</source>
        <translation>&amp;Фокус на выделенном</translation>
    </message>
    <message>
        <source>Show only the selected image with its ancestors and descendants</source>
        <translation>Показать только выбранный образ с его предками и потомками</translation>
    </message>
    <message>
        <source>Show &amp;All Images</source>
        <translation>Показать &amp;все образы</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>С&amp;бросить раскладку</translation>
    </message>
    <message>
        <source>Forget dragged positions and collapsed nodes</source>
        <translation>Забыть перетащенные позиции и свёрнутые узлы</translation>
    </message>
    <message>
        <source>Show &amp;Legend</source>
        <translation>Показать &amp;легенду</translation>
    </message>
    <message>
        <source>Show E&amp;xternal Base Images</source>
        <translation>Показать вне&amp;шние базовые образы</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <source>&amp;About Stagecraft</source>
        <translation>&amp;О программе Stagecraft</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние файлы</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Основная панель инструментов</translation>
    </message>
    <message>
        <source>Find image or stage… (%1)</source>
        <translation>Найти образ или стадию… (%1)</translation>
    </message>
    <message>
        <source>Filter images and stages</source>
        <translation>Фильтр образов и стадий</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Образы</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Свойства</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Исходный текст</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Очистить список</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n образ</numerusform>
            <numerusform>%n образа</numerusform>
            <numerusform>%n образов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n стадия</numerusform>
            <numerusform>%n стадии</numerusform>
            <numerusform>%n стадий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message>
        <source>focused on %1</source>
        <translation>фокус на %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Open werf.yaml</source>
        <translation>Открыть werf.yaml</translation>
    </message>
    <message>
        <source>werf configuration (werf.yaml werf.yml *.yaml *.yml);;All files (*)</source>
        <translation>Конфигурация werf (werf.yaml werf.yml *.yaml *.yml);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Open Project Directory</source>
        <translation>Открыть каталог проекта</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Изображение SVG (*.svg)</translation>
    </message>
    <message>
        <source>Graphviz DOT (*.dot *.gv)</source>
        <translation>Graphviz DOT (*.dot *.gv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>Экспорт в PNG</translation>
    </message>
    <message>
        <source>Scale (1 = 100 %):</source>
        <translation>Масштаб (1 = 100 %):</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Белый</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>Прозрачный</translation>
    </message>
    <message>
        <source>Background:</source>
        <translation>Фон:</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Экспортировано: %1</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::PropertiesPanel</name>
    <message>
        <source>Property</source>
        <translation>Свойство</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Ничего не выбрано</translation>
    </message>
    <message>
        <source>Stage %1 of %2</source>
        <translation>Стадия %1 образа %2</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Образ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Сигнатура</translation>
    </message>
    <message>
        <source>not computed</source>
        <translation>не вычислена</translation>
    </message>
    <message>
        <source>Defined at</source>
        <translation>Определено в</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Входные данные</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message numerus="yes">
        <source>Stages (%n)</source>
        <translation>
            <numerusform>Стадии (%n)</numerusform>
            <numerusform>Стадии (%n)</numerusform>
            <numerusform>Стадии (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Dependency set</source>
        <translation>Набор зависимостей</translation>
    </message>
    <message>
        <source>Declared at</source>
        <translation>Объявлено в</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Использует</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Используется в</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Только для чтения</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
</context>
</TS>
