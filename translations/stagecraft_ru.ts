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
    <message>
        <source>empty directive path</source>
        <translation>пустой путь директивы</translation>
    </message>
    <message>
        <source>unterminated quote in the directive path &quot;%1&quot;</source>
        <translation>незакрытая кавычка в пути директивы &quot;%1&quot;</translation>
    </message>
    <message>
        <source>empty key in the directive path &quot;%1&quot;</source>
        <translation>пустой ключ в пути директивы &quot;%1&quot;</translation>
    </message>
    <message>
        <source>bad list index in the directive path &quot;%1&quot;</source>
        <translation>недопустимый индекс списка в пути директивы &quot;%1&quot;</translation>
    </message>
    <message>
        <source>bad directive path &quot;%1&quot;</source>
        <translation>недопустимый путь директивы &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the config has no meta document</source>
        <translation>в конфигурации нет мета-документа</translation>
    </message>
    <message>
        <source>no image or artifact named &quot;%1&quot;</source>
        <translation>нет образа или артефакта с именем &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the value must be a one-line YAML flow value</source>
        <translation>значение должно быть однострочным значением YAML в стиле flow</translation>
    </message>
    <message>
        <source>bad YAML value %1: %2</source>
        <translation>недопустимое значение YAML %1: %2</translation>
    </message>
    <message>
        <source>bad YAML value %1: expected one flow value</source>
        <translation>недопустимое значение YAML %1: ожидается одно значение в стиле flow</translation>
    </message>
    <message>
        <source>bad YAML value %1: anchors and aliases are not supported here</source>
        <translation>недопустимое значение YAML %1: якоря и псевдонимы здесь не поддерживаются</translation>
    </message>
    <message>
        <source>%1 is not a map</source>
        <translation>%1 не является словарём</translation>
    </message>
    <message>
        <source>%1 is not a list</source>
        <translation>%1 не является списком</translation>
    </message>
    <message>
        <source>%1 has no item %2 (it has %3)</source>
        <translation>в %1 нет элемента %2 (всего элементов: %3)</translation>
    </message>
    <message>
        <source> (inside %1)</source>
        <translation> (внутри %1)</translation>
    </message>
    <message>
        <source>read-only: this text is produced by the template action `%1` at %2%3; edit the template code instead</source>
        <translation>только для чтения: этот текст создаётся действием шаблона `%1` в %2%3; измените код шаблона</translation>
    </message>
    <message>
        <source>the position is outside the rendered text</source>
        <translation>позиция находится за пределами отрендеренного текста</translation>
    </message>
    <message>
        <source>read-only: this text is copied by a template construct (inside %1); edit the template code instead</source>
        <translation>только для чтения: этот текст копируется конструкцией шаблона (внутри %1); измените код шаблона</translation>
    </message>
    <message>
        <source>read-only: this text comes from %1</source>
        <translation>только для чтения: этот текст взят из %1</translation>
    </message>
    <message>
        <source>internal error: the edits overlap</source>
        <translation>внутренняя ошибка: правки перекрываются</translation>
    </message>
    <message>
        <source>%1 does not exist; add the list first</source>
        <translation>%1 не существует; сначала добавьте список</translation>
    </message>
    <message>
        <source>the document is empty</source>
        <translation>документ пуст</translation>
    </message>
    <message>
        <source>this value cannot be replaced</source>
        <translation>это значение нельзя заменить</translation>
    </message>
    <message>
        <source>%1 is not set</source>
        <translation>%1: значение не задано</translation>
    </message>
    <message>
        <source>cannot remove the whole document this way</source>
        <translation>так удалить весь документ нельзя</translation>
    </message>
    <message>
        <source>cannot find the list item&apos;s dash</source>
        <translation>не удаётся найти дефис элемента списка</translation>
    </message>
    <message>
        <source>an artifact needs a name</source>
        <translation>у артефакта должно быть имя</translation>
    </message>
    <message>
        <source>an image or artifact named &quot;%1&quot; exists</source>
        <translation>образ или артефакт с именем &quot;%1&quot; уже существует</translation>
    </message>
    <message>
        <source>an image named &quot;%1&quot; exists</source>
        <translation>образ с именем &quot;%1&quot; уже существует</translation>
    </message>
    <message>
        <source>the meta document has no name</source>
        <translation>у мета-документа нет имени</translation>
    </message>
    <message>
        <source>the image has no name key</source>
        <translation>у образа нет ключа имени</translation>
    </message>
    <message>
        <source>the new name is empty</source>
        <translation>новое имя пустое</translation>
    </message>
    <message>
        <source>the meta document cannot be duplicated</source>
        <translation>мета-документ нельзя дублировать</translation>
    </message>
    <message>
        <source>only a document with a single image name can be duplicated</source>
        <translation>дублировать можно только документ с одним именем образа</translation>
    </message>
    <message>
        <source>`final: false` needs the newer syntax (werf 1.2 or later); this config is read with werf 1.1 rules</source>
        <translation>`final: false` требует нового синтаксиса (werf 1.2 или новее); эта конфигурация читается по правилам werf 1.1</translation>
    </message>
    <message>
        <source>the document has no name key</source>
        <translation>у документа нет ключа имени</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an artifact</source>
        <translation>&quot;%1&quot; не является артефактом</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not written as `final: false`</source>
        <translation>&quot;%1&quot; записан не как `final: false`</translation>
    </message>
    <message>
        <source>%1 is not a base image directive</source>
        <translation>%1 не является директивой базового образа</translation>
    </message>
    <message>
        <source>the document is not a map</source>
        <translation>документ не является словарём</translation>
    </message>
    <message>
        <source>an import needs `image` or `artifact`, and `add`</source>
        <translation>для import нужны `image` или `artifact`, а также `add`</translation>
    </message>
    <message>
        <source>import is not a list</source>
        <translation>import не является списком</translation>
    </message>
    <message>
        <source>Usage: stagecraft edit PATH (IMAGE | --meta) [KEY=VALUE]... [--unset KEY]... [--output OUT]</source>
        <translation>Использование: stagecraft edit PATH (IMAGE | --meta) [KEY=VALUE]... [--unset KEY]... [--output OUT]</translation>
    </message>
    <message>
        <source>--unset needs a KEY</source>
        <translation>--unset требует KEY</translation>
    </message>
    <message>
        <source>--output needs a file name</source>
        <translation>--output требует имя файла</translation>
    </message>
    <message>
        <source>unknown option: %1</source>
        <translation>неизвестный параметр: %1</translation>
    </message>
    <message>
        <source>missing PATH</source>
        <translation>не указан PATH</translation>
    </message>
    <message>
        <source>missing IMAGE</source>
        <translation>не указан IMAGE</translation>
    </message>
    <message>
        <source>expected KEY=VALUE, got &quot;%1&quot;</source>
        <translation>ожидается KEY=VALUE, получено &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>Задать %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Удалить %1</translation>
    </message>
    <message>
        <source>%1: no werf.yaml or werf.yml in the directory</source>
        <translation>%1: в каталоге нет werf.yaml или werf.yml</translation>
    </message>
    <message>
        <source>%1: the file is too large</source>
        <translation>%1: файл слишком большой</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: не удаётся прочитать: %2</translation>
    </message>
    <message>
        <source>the edits overlap or lie outside the text</source>
        <translation>правки перекрываются или выходят за пределы текста</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>Ввод текста</translation>
    </message>
    <message>
        <source>%1: cannot read the file</source>
        <translation>%1: не удаётся прочитать файл</translation>
    </message>
    <message>
        <source>Reload from Disk</source>
        <translation>Перезагрузить с диска</translation>
    </message>
    <message>
        <source>the document has no file name</source>
        <translation>у документа нет имени файла</translation>
    </message>
    <message>
        <source>%1 was changed by another program since it was read; reload it or overwrite it explicitly</source>
        <translation>файл %1 изменён другой программой после чтения; перезагрузите его или перезапишите явно</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: не удаётся записать: %2</translation>
    </message>
    <message>
        <source>no recovery file for %1</source>
        <translation>нет файла восстановления для %1</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>Восстановить несохранённые изменения</translation>
    </message>
    <message>
        <source>werf stops here: %1</source>
        <translation>werf останавливается здесь: %1</translation>
    </message>
    <message>
        <source>needs registry: werf hashes the ONBUILD instructions of the base image %1, read from docker or the registry</source>
        <translation>нужен реестр: werf хеширует инструкции ONBUILD базового образа %1, прочитанные из docker или реестра</translation>
    </message>
    <message>
        <source>stageDependencies of %1: %2 added (git mapping %3)</source>
        <translation>stageDependencies %1: добавлен путь %2 (git-маппинг %3)</translation>
    </message>
    <message>
        <source>stageDependencies of %1: %2 removed (git mapping %3)</source>
        <translation>stageDependencies %1: удалён путь %2 (git-маппинг %3)</translation>
    </message>
    <message>
        <source>stageDependencies of %1: %2 appeared in the repository (git mapping %3)</source>
        <translation>stageDependencies %1: путь %2 появился в репозитории (git-маппинг %3)</translation>
    </message>
    <message>
        <source>stageDependencies of %1: %2 is no longer in the repository (git mapping %3)</source>
        <translation>stageDependencies %1: пути %2 больше нет в репозитории (git-маппинг %3)</translation>
    </message>
    <message>
        <source>stageDependencies of %1: %2 changed (git mapping %3)</source>
        <translation>stageDependencies %1: путь %2 изменён (git-маппинг %3)</translation>
    </message>
    <message>
        <source>files changed in git since the previous stage was built (%1)</source>
        <translation>файлы, изменённые в git после сборки предыдущей стадии (%1)</translation>
    </message>
    <message>
        <source>the baseline&apos;s stage image was built from a git commit that is not an ancestor of the current one</source>
        <translation>образ стадии в эталоне собран из коммита git, который не является предком текущего</translation>
    </message>
    <message>
        <source>nothing to apply any more: werf skips the stage</source>
        <translation>больше нечего применять: werf пропускает стадию</translation>
    </message>
    <message>
        <source>signature not computed: %1</source>
        <translation>сигнатура не вычислена: %1</translation>
    </message>
    <message>
        <source>the baseline&apos;s signature was not computed: %1</source>
        <translation>сигнатура эталона не вычислена: %1</translation>
    </message>
    <message>
        <source>what-if for project %1: %2 against the baseline %3</source>
        <translation>анализ «что если» для проекта %1: %2 в сравнении с эталоном %3</translation>
    </message>
    <message>
        <source>%1 of %2 stages would be rebuilt</source>
        <translation>будет пересобрано стадий: %1 из %2</translation>
    </message>
    <message>
        <source>the Dockerfile has not been read</source>
        <translation>Dockerfile не прочитан</translation>
    </message>
    <message>
        <source>Dockerfile input %1 (instruction, expanded value or context checksum)</source>
        <translation>входные данные Dockerfile %1 (инструкция, раскрытое значение или контрольная сумма контекста)</translation>
    </message>
    <message>
        <source>no project directory to read the Dockerfile from</source>
        <translation>нет каталога проекта, из которого можно прочитать Dockerfile</translation>
    </message>
    <message>
        <source>%1 refused the connection: nothing listens there.</source>
        <translation>Сервер %1 отказал в соединении: по этому адресу никто не слушает.</translation>
    </message>
    <message>
        <source>The host of %1 was not found.</source>
        <translation>Хост %1 не найден.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: %2</source>
        <translation>Не удалось установить TLS-соединение с %1: %2</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: %2 (the server may speak plain HTTP only)</source>
        <translation>Не удалось установить TLS-соединение с %1: %2 (возможно, сервер работает только по обычному HTTP)</translation>
    </message>
    <message>
        <source>%1 answers HTTP but is not a Docker registry (no /v2/ endpoint, HTTP 404).</source>
        <translation>Сервер %1 отвечает по HTTP, но не является реестром Docker (нет конечной точки /v2/, HTTP 404).</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Не удаётся подключиться к %1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a registry address.</source>
        <translation>&quot;%1&quot; не является адресом реестра.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>Файл CA %1 не содержит сертификатов PEM.</translation>
    </message>
    <message>
        <source>the containers-storage root %1 does not exist</source>
        <translation>корень containers-storage %1 не существует</translation>
    </message>
    <message>
        <source>cannot read the containers-storage image list %1: %2</source>
        <translation>не удаётся прочитать список образов containers-storage %1: %2</translation>
    </message>
    <message>
        <source>the containers-storage image list %1 is not valid: %2</source>
        <translation>список образов containers-storage %1 недопустим: %2</translation>
    </message>
    <message>
        <source>invalid image ID for %1</source>
        <translation>недопустимый ID образа для %1</translation>
    </message>
    <message>
        <source>cannot read the config of %1: %2</source>
        <translation>не удаётся прочитать конфигурацию %1: %2</translation>
    </message>
    <message>
        <source>docker keeps the credentials for %1 in a credential helper; they cannot be imported</source>
        <translation>docker хранит учётные данные для %1 в помощнике учётных данных (credential helper); их нельзя импортировать</translation>
    </message>
    <message>
        <source>the docker configuration has no credentials for %1</source>
        <translation>в конфигурации docker нет учётных данных для %1</translation>
    </message>
    <message>
        <source>(details withheld: they contained the secret)</source>
        <translation>(подробности скрыты: они содержали секрет)</translation>
    </message>
    <message>
        <source>no D-Bus session bus</source>
        <translation>нет сеансовой шины D-Bus</translation>
    </message>
    <message>
        <source>no D-Bus session bus (%1)</source>
        <translation>нет сеансовой шины D-Bus (%1)</translation>
    </message>
    <message>
        <source>no Secret Service on the session bus (%1 is neither running nor activatable)</source>
        <translation>на сеансовой шине нет Secret Service (%1 не запущен и не может быть активирован)</translation>
    </message>
    <message>
        <source>the keychain entry for %1 is not a Stagecraft credential</source>
        <translation>запись связки ключей для %1 не является учётными данными Stagecraft</translation>
    </message>
    <message>
        <source>no credentials for %1 in the keychain</source>
        <translation>в связке ключей нет учётных данных для %1</translation>
    </message>
    <message>
        <source>the keychain denied access to the credentials for %1: %2</source>
        <translation>связка ключей отказала в доступе к учётным данным для %1: %2</translation>
    </message>
    <message>
        <source>no keychain is available for the credentials of %1: %2; Stagecraft does not store passwords in plain text</source>
        <translation>нет доступной связки ключей для учётных данных %1: %2; Stagecraft не хранит пароли в открытом виде</translation>
    </message>
    <message>
        <source>the keychain failed for %1: %2</source>
        <translation>ошибка связки ключей для %1: %2</translation>
    </message>
    <message>
        <source>no registry host given</source>
        <translation>не указан хост реестра</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s for %2</source>
        <translation>связка ключей не ответила за %1 с для %2</translation>
    </message>
    <message>
        <source>cannot read the docker configuration: %1</source>
        <translation>не удаётся прочитать конфигурацию docker: %1</translation>
    </message>
    <message>
        <source>the docker configuration is too large (%1 bytes)</source>
        <translation>конфигурация docker слишком большая (%1 байт)</translation>
    </message>
    <message>
        <source>the docker configuration is not valid JSON: %1</source>
        <translation>конфигурация docker не является корректным JSON: %1</translation>
    </message>
    <message>
        <source>the docker configuration is not a JSON object</source>
        <translation>конфигурация docker не является объектом JSON</translation>
    </message>
    <message>
        <source>the credentials for %1 are not base64 &quot;user:password&quot;; ignored</source>
        <translation>учётные данные для %1 не в формате base64 &quot;user:password&quot;; пропущены</translation>
    </message>
    <message>
        <source>DOCKER_HOST=%1 is not supported: only unix:// sockets are</source>
        <translation>DOCKER_HOST=%1 не поддерживается: поддерживаются только сокеты unix://</translation>
    </message>
    <message>
        <source>the Docker daemon is not available: there is no socket %1</source>
        <translation>демон Docker недоступен: нет сокета %1</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 answered HTTP %2 to GET %3</source>
        <translation>демон Docker по адресу %1 ответил HTTP %2 на GET %3</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 did not answer GET %2 within %3 s</source>
        <translation>демон Docker по адресу %1 не ответил на GET %2 за %3 с</translation>
    </message>
    <message>
        <source>the request to the Docker daemon was cancelled</source>
        <translation>запрос к демону Docker отменён</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 sent an invalid HTTP answer to GET %2</source>
        <translation>демон Docker по адресу %1 прислал недопустимый HTTP-ответ на GET %2</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 closed the connection before the answer to GET %2 was complete</source>
        <translation>демон Docker по адресу %1 закрыл соединение до завершения ответа на GET %2</translation>
    </message>
    <message>
        <source>the Docker daemon is not available: cannot connect to %1 (%2)</source>
        <translation>демон Docker недоступен: не удаётся подключиться к %1 (%2)</translation>
    </message>
    <message>
        <source>the Docker daemon at %1: %2</source>
        <translation>демон Docker по адресу %1: %2</translation>
    </message>
    <message>
        <source>the Docker daemon sent an image list that is not valid JSON: %1</source>
        <translation>демон Docker прислал список образов, который не является корректным JSON: %1</translation>
    </message>
    <message>
        <source>cannot read CA certificates for %1 from %2</source>
        <translation>не удаётся прочитать сертификаты CA для %1 из %2</translation>
    </message>
    <message>
        <source>the request to %1 was cancelled</source>
        <translation>запрос к %1 отменён</translation>
    </message>
    <message>
        <source>no network access</source>
        <translation>нет доступа к сети</translation>
    </message>
    <message>
        <source>TLS error with %1: %2</source>
        <translation>ошибка TLS при обращении к %1: %2</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>не удаётся связаться с %1: %2</translation>
    </message>
    <message>
        <source>the token service %1 of the registry %2</source>
        <translation>сервис токенов %1 реестра %2</translation>
    </message>
    <message>
        <source>the registry %1</source>
        <translation>реестр %1</translation>
    </message>
    <message>
        <source>%1 did not answer %2 within %3 s</source>
        <translation>%1 не ответил на %2 за %3 с</translation>
    </message>
    <message>
        <source>the registry %1 is reached over plain http (insecure registry)</source>
        <translation>к реестру %1 обращаются по обычному http (небезопасный реестр)</translation>
    </message>
    <message>
        <source>TLS certificate verification is off for the registry %1 (insecure registry)</source>
        <translation>проверка сертификата TLS отключена для реестра %1 (небезопасный реестр)</translation>
    </message>
    <message>
        <source>%1 redirected %2 too many times</source>
        <translation>%1 перенаправил %2 слишком много раз</translation>
    </message>
    <message>
        <source>%1 refused the credentials (HTTP %2)</source>
        <translation>%1 отклонил учётные данные (HTTP %2)</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 to %3 again after authentication: the credentials are not accepted</source>
        <translation>%1 снова ответил HTTP %2 на %3 после аутентификации: учётные данные не приняты</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 to %3 again after authentication; no credentials are known for %4</source>
        <translation>%1 снова ответил HTTP %2 на %3 после аутентификации; учётные данные для %4 неизвестны</translation>
    </message>
    <message>
        <source>%1 denied %2 (HTTP %3)</source>
        <translation>%1 отклонил запрос %2 (HTTP %3)</translation>
    </message>
    <message numerus="yes">
        <source>%1 answered HTTP %2 to %3 (%n attempt(s))</source>
        <translation>
            <numerusform>%1 ответил HTTP %2 на %3 (%n попытка)</numerusform>
            <numerusform>%1 ответил HTTP %2 на %3 (%n попытки)</numerusform>
            <numerusform>%1 ответил HTTP %2 на %3 (%n попыток)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 to %3</source>
        <translation>%1 ответил HTTP %2 на %3</translation>
    </message>
    <message>
        <source>%1 closed the connection before the reply to %2 was complete (%3)</source>
        <translation>%1 закрыл соединение до завершения ответа на %2 (%3)</translation>
    </message>
    <message>
        <source>%1 closed the connection before the reply to %2 was complete (%3 of %4 bytes)</source>
        <translation>%1 закрыл соединение до завершения ответа на %2 (%3 из %4 байт)</translation>
    </message>
    <message>
        <source>%1 requires a user name and password for %2 (HTTP 401); none are known for it</source>
        <translation>%1 требует имя пользователя и пароль для %2 (HTTP 401); для него они неизвестны</translation>
    </message>
    <message>
        <source>%1 answered HTTP 401 to %2 without a usable WWW-Authenticate challenge</source>
        <translation>%1 ответил HTTP 401 на %2 без пригодного заголовка WWW-Authenticate</translation>
    </message>
    <message>
        <source>%1 names an invalid token service</source>
        <translation>%1 указывает недопустимый сервис токенов</translation>
    </message>
    <message>
        <source>%1 sends credentials to the plain http token service %2; mark the host insecure to allow it</source>
        <translation>%1 отправляет учётные данные сервису токенов %2 по обычному http; чтобы разрешить это, отметьте хост как небезопасный</translation>
    </message>
    <message>
        <source>the token service of the registry %1 answered without a token</source>
        <translation>сервис токенов реестра %1 ответил без токена</translation>
    </message>
    <message>
        <source>the registry %1 answered GET %2 with something that is not a tag list</source>
        <translation>реестр %1 ответил на GET %2 данными, которые не являются списком тегов</translation>
    </message>
    <message>
        <source>the registry %1 sent an unusable Link header for the tags of %2</source>
        <translation>реестр %1 прислал непригодный заголовок Link для тегов %2</translation>
    </message>
    <message>
        <source>the registry %1 nests image indexes for %2:%3</source>
        <translation>реестр %1 возвращает вложенные индексы образов для %2:%3</translation>
    </message>
    <message>
        <source>the image index of %1/%2:%3 has no linux image</source>
        <translation>в индексе образов %1/%2:%3 нет образа linux</translation>
    </message>
    <message>
        <source>the registry %1 returned a schema 1 manifest for %2:%3, which is not supported</source>
        <translation>реестр %1 вернул для %2:%3 манифест schema 1, который не поддерживается</translation>
    </message>
    <message>
        <source>the manifest of %1/%2:%3 names no config</source>
        <translation>манифест %1/%2:%3 не указывает конфигурацию</translation>
    </message>
    <message>
        <source>the registry reference is empty</source>
        <translation>ссылка на реестр пуста</translation>
    </message>
    <message>
        <source>invalid digest in &quot;%1&quot;</source>
        <translation>недопустимый дайджест в &quot;%1&quot;</translation>
    </message>
    <message>
        <source>invalid registry reference &quot;%1&quot;</source>
        <translation>недопустимая ссылка на реестр &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a stages storage repository has no tag or digest: &quot;%1&quot;</source>
        <translation>у репозитория хранилища стадий не может быть тега или дайджеста: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 is an insecure registry: it is reached over plain HTTP or over HTTPS without verifying its certificate, so anyone on the network path can read or change what is sent, credentials included. Use this only for a registry you control on a trusted network.</source>
        <translation>%1 — небезопасный реестр: к нему обращаются по обычному HTTP или по HTTPS без проверки сертификата, поэтому любой на сетевом пути может прочитать или изменить передаваемые данные, включая учётные данные. Используйте это только для реестра, который вы контролируете, в доверенной сети.</translation>
    </message>
    <message>
        <source>fromLatest: %1</source>
        <translation>fromLatest: %1</translation>
    </message>
    <message>
        <source>fromLatest: cannot read the digest of %1: %2</source>
        <translation>fromLatest: не удаётся прочитать дайджест %1: %2</translation>
    </message>
    <message>
        <source>unknown stages storage &quot;%1&quot;: expected local, docker or a registry repository such as 127.0.0.1:5000/project/stages%2</source>
        <translation>неизвестное хранилище стадий &quot;%1&quot;: ожидается local, docker или репозиторий реестра, например 127.0.0.1:5000/project/stages%2</translation>
    </message>
    <message>
        <source>internal error: the stages storage was waited for in its own thread</source>
        <translation>внутренняя ошибка: хранилище стадий ожидалось в его собственном потоке</translation>
    </message>
    <message>
        <source>reading the stages storage %1 was cancelled</source>
        <translation>чтение хранилища стадий %1 отменено</translation>
    </message>
    <message>
        <source>inspecting %1 was cancelled</source>
        <translation>получение сведений о %1 отменено</translation>
    </message>
    <message>
        <source>%1 %2 was killed</source>
        <translation>%1 %2 аварийно завершился</translation>
    </message>
    <message>
        <source>%1 %2 failed with exit code %3</source>
        <translation>%1 %2 завершился с ошибкой (код выхода %3)</translation>
    </message>
    <message>
        <source>%1/%2: the stage&apos;s commands failed with exit code %3</source>
        <translation>%1/%2: команды стадии завершились с ошибкой (код выхода %3)</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>не удаётся создать %1</translation>
    </message>
    <message>
        <source>import from %1: that image has not been built</source>
        <translation>import из %1: этот образ не собран</translation>
    </message>
    <message>
        <source>import from %1: %2 does not exist in %3</source>
        <translation>import из %1: %2 нет в %3</translation>
    </message>
    <message>
        <source>%1: the image %2 it is based on has not been built</source>
        <translation>%1: образ %2, на котором он основан, не собран</translation>
    </message>
    <message>
        <source>%1/%2: no werf 1.1 signature, so it cannot be stored: %3</source>
        <translation>%1/%2: нет сигнатуры werf 1.1, поэтому стадию нельзя сохранить: %3</translation>
    </message>
    <message>
        <source>%1: no Dockerfile image of that name</source>
        <translation>%1: нет образа Dockerfile с таким именем</translation>
    </message>
    <message>
        <source>%1/%2: buildah build failed with exit code %3</source>
        <translation>%1/%2: buildah build завершился с ошибкой (код выхода %3)</translation>
    </message>
    <message>
        <source>buildah images failed: %1</source>
        <translation>buildah images завершился с ошибкой: %1</translation>
    </message>
    <message>
        <source>Building stage %1</source>
        <translation>Сборка стадии %1</translation>
    </message>
    <message>
        <source>Use cache image for %1 (%2)</source>
        <translation>Используется образ из кэша для %1 (%2)</translation>
    </message>
    <message>
        <source>Built %1 in %2 seconds: %3 %4</source>
        <translation>Стадия %1 собрана за %2 с: %3 %4</translation>
    </message>
    <message>
        <source>FAILED %1: %2</source>
        <translation>ОШИБКА %1: %2</translation>
    </message>
    <message>
        <source>Image %1 %2 (%3 seconds)</source>
        <translation>Образ %1: %2 (%3 с)</translation>
    </message>
    <message>
        <source>Build %1 in %2 seconds</source>
        <translation>Сборка: %1 за %2 с</translation>
    </message>
    <message>
        <source>error: the number of parallel jobs must be at least 1</source>
        <translation>error: число параллельных заданий должно быть не меньше 1</translation>
    </message>
    <message>
        <source>%1 %2 uses ansible stages, which only the werf backend builds (--backend werf)</source>
        <translation>%1 %2 использует стадии ansible, которые собирает только бэкенд werf (--backend werf)</translation>
    </message>
    <message>
        <source>a build is already running</source>
        <translation>сборка уже выполняется</translation>
    </message>
    <message>
        <source>cannot create a temporary directory: %1</source>
        <translation>не удаётся создать временный каталог: %1</translation>
    </message>
    <message>
        <source>the build was cancelled</source>
        <translation>сборка отменена</translation>
    </message>
    <message>
        <source>werf exited with code %1</source>
        <translation>werf завершился с кодом %1</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s) to rebuild</source>
        <translation>
            <numerusform>нужно пересобрать %n стадию</numerusform>
            <numerusform>нужно пересобрать %n стадии</numerusform>
            <numerusform>нужно пересобрать %n стадий</numerusform>
        </translation>
    </message>
    <message>
        <source>Image / stage</source>
        <translation>Образ / стадия</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Baseline signature</source>
        <translation>Эталонная сигнатура</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Сигнатура</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новая</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>удалена</translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation>недействительна</translation>
    </message>
    <message>
        <source>not comparable</source>
        <translation>сравнение невозможно</translation>
    </message>
    <message>
        <source>generated by the template action at %1</source>
        <translation>сгенерировано действием шаблона в %1</translation>
    </message>
    <message>
        <source>generated by a template</source>
        <translation>сгенерировано шаблоном</translation>
    </message>
    <message>
        <source>%1 at %2 is the alias *%3 of the anchor &amp;%3 at %4: an edit inside it would change every place that uses the anchor. Edit the anchored node, or set %1 itself to replace the alias by a value of its own</source>
        <translation>%1 в %2 — псевдоним *%3 якоря &amp;%3 в %4: правка внутри него изменит все места, где используется якорь. Измените узел с якорем или задайте %1 напрямую, чтобы заменить псевдоним собственным значением</translation>
    </message>
    <message>
        <source>the list is empty</source>
        <translation>список пуст</translation>
    </message>
    <message>
        <source>the new key is empty</source>
        <translation>новый ключ пуст</translation>
    </message>
    <message>
        <source>%1 is not a key</source>
        <translation>%1 не является ключом</translation>
    </message>
    <message>
        <source>%1 is already set</source>
        <translation>%1: значение уже задано</translation>
    </message>
    <message>
        <source>the build context contains the git submodule %1: werf 1.1 hashes submodules&apos; own trees and status, which Stagecraft does not reproduce yet</source>
        <translation>контекст сборки содержит git-подмодуль %1: werf 1.1 хеширует собственные деревья и состояние подмодулей, чего Stagecraft пока не воспроизводит</translation>
    </message>
    <message>
        <source>unexpected git status of %1 (staging &apos;%2&apos;, work tree &apos;%3&apos;)</source>
        <translation>неожиданный статус git для %1 (индекс &apos;%2&apos;, рабочее дерево &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>unexpected git status output: %1</source>
        <translation>неожиданный вывод git status: %1</translation>
    </message>
    <message>
        <source>unexpected git status output: %1 listed twice</source>
        <translation>неожиданный вывод git status: %1 указан дважды</translation>
    </message>
    <message>
        <source>%1 is reachable over HTTPS with a verified certificate.</source>
        <translation>Сервер %1 доступен по HTTPS, сертификат проверен.</translation>
    </message>
    <message>
        <source>%1 is reachable over HTTPS, but its certificate is not verified (insecure registry).</source>
        <translation>Сервер %1 доступен по HTTPS, но его сертификат не проверяется (небезопасный реестр).</translation>
    </message>
    <message>
        <source>%1 is reachable over plain HTTP only (insecure registry).</source>
        <translation>Сервер %1 доступен только по обычному HTTP (небезопасный реестр).</translation>
    </message>
    <message>
        <source>%1 is reachable.</source>
        <translation>Сервер %1 доступен.</translation>
    </message>
    <message>
        <source>It lets anyone in: no credentials were needed.</source>
        <translation>Доступ открыт для всех: учётные данные не понадобились.</translation>
    </message>
    <message>
        <source>with a token from its token service</source>
        <translation>по токену от сервиса токенов реестра</translation>
    </message>
    <message>
        <source>with a user name and password</source>
        <translation>по имени пользователя и паролю</translation>
    </message>
    <message>
        <source>It accepted the credentials of %1 (%2).</source>
        <translation>Сервер принял учётные данные пользователя %1 (%2).</translation>
    </message>
    <message>
        <source>It let us in anonymously (%1).</source>
        <translation>Сервер разрешил анонимный доступ (%1).</translation>
    </message>
    <message>
        <source>It needs credentials: %1</source>
        <translation>Нужны учётные данные: %1</translation>
    </message>
    <message>
        <source>The credentials were not accepted: %1</source>
        <translation>Учётные данные не приняты: %1</translation>
    </message>
    <message>
        <source>%1 did not answer in time: %2</source>
        <translation>Сервер %1 не ответил вовремя: %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 to /v2/: %3</source>
        <translation>Сервер %1 ответил HTTP %2 на /v2/: %3</translation>
    </message>
    <message>
        <source>The repository %1 does not exist yet (werf creates it with the first stage it stores).</source>
        <translation>Репозиторий %1 пока не существует (werf создаст его, когда сохранит первую стадию).</translation>
    </message>
    <message numerus="yes">
        <source>The repository %1 is readable: %n tag(s).</source>
        <translation>
            <numerusform>Репозиторий %1 доступен для чтения: %n тег.</numerusform>
            <numerusform>Репозиторий %1 доступен для чтения: %n тега.</numerusform>
            <numerusform>Репозиторий %1 доступен для чтения: %n тегов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The repository %1 cannot be read with these credentials: %2</source>
        <translation>Репозиторий %1 нельзя прочитать с этими учётными данными: %2</translation>
    </message>
    <message>
        <source>Reading the repository %1 took too long: %2</source>
        <translation>Чтение репозитория %1 заняло слишком много времени: %2</translation>
    </message>
    <message>
        <source>The repository %1 cannot be read: %2</source>
        <translation>Не удаётся прочитать репозиторий %1: %2</translation>
    </message>
    <message>
        <source>the containers-storage %1</source>
        <translation>containers-storage %1</translation>
    </message>
    <message>
        <source>the image %1 is not in the containers-storage %2</source>
        <translation>образа %1 нет в containers-storage %2</translation>
    </message>
    <message>
        <source>the containers-storage %1 holds no config for %2</source>
        <translation>в containers-storage %1 нет конфигурации для %2</translation>
    </message>
    <message>
        <source>the config of %1 in the containers-storage %2 is not valid JSON</source>
        <translation>конфигурация %1 в containers-storage %2 не является корректным JSON</translation>
    </message>
    <message>
        <source>the docker host %1 is not supported: only unix:// sockets are</source>
        <translation>хост docker %1 не поддерживается: поддерживаются только сокеты unix://</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 did not complete GET %2 within the time limit of %3 s</source>
        <translation>демон Docker по адресу %1 не выполнил GET %2 за отведённые %3 с</translation>
    </message>
    <message>
        <source>werf&apos;s stages-storage cache record %1 is not valid JSON; werf fails on it</source>
        <translation>запись кэша хранилища стадий werf %1 не является корректным JSON; werf на ней завершается с ошибкой</translation>
    </message>
    <message numerus="yes">
        <source>werf&apos;s stages-storage cache record %1 lists none of the %n stored image(s) of this signature: werf does not see them and builds the stage again</source>
        <translation>
            <numerusform>запись кэша хранилища стадий werf %1 не указывает ни одного из %n сохранённого образа этой сигнатуры: werf их не видит и собирает стадию заново</numerusform>
            <numerusform>запись кэша хранилища стадий werf %1 не указывает ни одного из %n сохранённых образов этой сигнатуры: werf их не видит и собирает стадию заново</numerusform>
            <numerusform>запись кэша хранилища стадий werf %1 не указывает ни одного из %n сохранённых образов этой сигнатуры: werf их не видит и собирает стадию заново</numerusform>
        </translation>
    </message>
    <message>
        <source>werf&apos;s stages-storage cache record %1 lists %2 of the %3 stored images of this signature; werf chooses among those only</source>
        <translation>запись кэша хранилища стадий werf %1 указывает %2 из %3 сохранённых образов этой сигнатуры; werf выбирает только среди них</translation>
    </message>
    <message>
        <source>the Docker daemon at %1</source>
        <translation>демон Docker по адресу %1</translation>
    </message>
    <message>
        <source>the image %1 is not in the Docker daemon at %2</source>
        <translation>образа %1 нет в демоне Docker по адресу %2</translation>
    </message>
    <message>
        <source>%1 did not complete %2 within the time limit of %3 s for one operation</source>
        <translation>%1 не выполнил %2 за отведённые на одну операцию %3 с</translation>
    </message>
    <message>
        <source>the stages storage %1 cannot read the image %2</source>
        <translation>хранилище стадий %1 не может прочитать образ %2</translation>
    </message>
    <message>
        <source>the ONBUILD triggers of the base image %1 were not read: %2</source>
        <translation>триггеры ONBUILD базового образа %1 не прочитаны: %2</translation>
    </message>
    <message>
        <source>%1/%2: cannot push %3 to the stages storage: %4</source>
        <translation>%1/%2: не удаётся отправить %3 в хранилище стадий: %4</translation>
    </message>
    <message>
        <source>note: no werf-import label for %1: werf&apos;s slug of that name (with its murmur hash) is not computed</source>
        <translation>note: нет метки werf-import для %1: slug этого имени по правилам werf (с хешем murmur) не вычисляется</translation>
    </message>
    <message>
        <source>kept as %1, not under werf&apos;s stage name: the werf signature of the dockerfile stage is not known (%2)</source>
        <translation>сохранено как %1, а не под именем стадии werf: сигнатура werf для стадии dockerfile неизвестна (%2)</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <source>Progress: %1/%2 stages</source>
        <translation>Выполнено стадий: %1/%2</translation>
    </message>
    <message>
        <source>, about %1 seconds left</source>
        <translation>, осталось около %1 с</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>warning: %1</translation>
    </message>
    <message>
        <source>git %1 %2 into %3</source>
        <translation>git %1 %2 в %3</translation>
    </message>
    <message>
        <source>cannot clone or fetch the git repository %1: %2</source>
        <translation>не удаётся клонировать или получить git-репозиторий %1: %2</translation>
    </message>
    <message>
        <source>cannot write the registry auth file %1: %2</source>
        <translation>не удаётся записать файл аутентификации реестра %1: %2</translation>
    </message>
    <message>
        <source>cannot read the CA file %1</source>
        <translation>не удаётся прочитать файл CA %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>error: the buildah backend stores stages in its own containers-storage (:local) or in a registry repository, not in &quot;%1&quot;</source>
        <translation>error: бэкенд buildah хранит стадии в собственном containers-storage (:local) или в репозитории реестра, а не в &quot;%1&quot;</translation>
    </message>
    <message>
        <source>error: cannot read the CA file %1</source>
        <translation>error: не удаётся прочитать файл CA %1</translation>
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
    <name>Stagecraft::Ui::BuildController</name>
    <message>
        <source>&amp;Build</source>
        <translation>С&amp;борка</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Сборка</translation>
    </message>
    <message>
        <source>Build Log</source>
        <translation>Журнал сборки</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Built</source>
        <translation>Собрано</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>В кэше</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Прогноз</translation>
    </message>
    <message>
        <source>Build History</source>
        <translation>История сборок</translation>
    </message>
    <message>
        <source>&amp;Build All</source>
        <translation>Собрать &amp;все</translation>
    </message>
    <message>
        <source>Build every image with buildah (Ctrl+B)</source>
        <translation>Собрать все образы с помощью buildah (Ctrl+B)</translation>
    </message>
    <message>
        <source>Build &amp;Selected Image</source>
        <translation>Собрать в&amp;ыбранный образ</translation>
    </message>
    <message>
        <source>S&amp;top Build</source>
        <translation>&amp;Остановить сборку</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>Сборка…</translation>
    </message>
    <message>
        <source>Build: %1 of %2 stages, %3 s</source>
        <translation>Сборка: готово %1 из %2 стадий, %3 с</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, осталось около %1 с</translation>
    </message>
    <message>
        <source>as predicted</source>
        <translation>как в прогнозе</translation>
    </message>
    <message>
        <source>also built: %1</source>
        <translation>собраны также: %1</translation>
    </message>
    <message>
        <source>not built: %1</source>
        <translation>не собраны: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>Build %1: %2 built, %3 cached, %4 s</source>
        <translation>Сборка — %1: собрано %2, в кэше %3, %4 с</translation>
    </message>
    <message>
        <source>Build Log: %1</source>
        <translation>Журнал сборки: %1</translation>
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
    <message>
        <source>Print werf 1.1 stage signatures and the status of each stage; with --against, which stages a change would rebuild and why.</source>
        <translation>Вывести сигнатуры стадий werf 1.1 и статус каждой стадии; с --against — какие стадии придётся пересобрать после изменения и почему.</translation>
    </message>
    <message>
        <source>Build the images, stage by stage, into the stages storage.</source>
        <translation>Собрать образы по стадиям в хранилище стадий.</translation>
    </message>
    <message>
        <source>Set or remove directives; the rest of the file stays byte for byte.</source>
        <translation>Задать или удалить директивы; остальная часть файла сохраняется байт в байт.</translation>
    </message>
    <message>
        <source>Compare with this baseline version of the project (what-if).</source>
        <translation>Сравнить с этой эталонной версией проекта (что будет, если).</translation>
    </message>
    <message>
        <source>Take the base images of Dockerfiles as having no ONBUILD instructions instead of asking a registry.</source>
        <translation>Считать, что у базовых образов Dockerfile нет инструкций ONBUILD, не запрашивая реестр.</translation>
    </message>
    <message>
        <source>buildah (default) or werf.</source>
        <translation>buildah (по умолчанию) или werf.</translation>
    </message>
    <message>
        <source>The stages storage (default :local).</source>
        <translation>Хранилище стадий (по умолчанию :local).</translation>
    </message>
    <message>
        <source>Build this image (with its dependencies).</source>
        <translation>Собрать этот образ (вместе с его зависимостями).</translation>
    </message>
    <message>
        <source>Print one JSON object per event and line.</source>
        <translation>Выводить каждое событие отдельной строкой в виде объекта JSON.</translation>
    </message>
    <message>
        <source>containers-storage root for buildah.</source>
        <translation>Корень containers-storage для buildah.</translation>
    </message>
    <message>
        <source>containers-storage driver (overlay, vfs).</source>
        <translation>Драйвер containers-storage (overlay, vfs).</translation>
    </message>
    <message>
        <source>Images of one dependency set built at once.</source>
        <translation>Сколько образов одного набора зависимостей собирать одновременно.</translation>
    </message>
    <message>
        <source>The werf executable (werf backend).</source>
        <translation>Исполняемый файл werf (бэкенд werf).</translation>
    </message>
    <message>
        <source>The buildah executable (buildah backend).</source>
        <translation>Исполняемый файл buildah (бэкенд buildah).</translation>
    </message>
    <message>
        <source>unknown backend &quot;%1&quot;: expected buildah or werf</source>
        <translation>неизвестный бэкенд &quot;%1&quot;: ожидается buildah или werf</translation>
    </message>
    <message>
        <source>--jobs needs a positive number</source>
        <translation>--jobs требует положительное число</translation>
    </message>
    <message>
        <source>Look the stages up in a stages storage: local (containers-storage), docker, or a registry repository.</source>
        <translation>Искать стадии в хранилище стадий: local (containers-storage), docker или репозиторий в реестре.</translation>
    </message>
    <message>
        <source>Reach this registry over plain http or unverified TLS (repeatable).</source>
        <translation>Обращаться к этому реестру по обычному http или по TLS без проверки (можно указать несколько раз).</translation>
    </message>
    <message>
        <source>Trust the CA certificates of this PEM file for registries.</source>
        <translation>Доверять сертификатам CA из этого PEM-файла при обращении к реестрам.</translation>
    </message>
    <message>
        <source>The containers-storage root (buildah --root).</source>
        <translation>Корень containers-storage (buildah --root).</translation>
    </message>
    <message>
        <source>The containers-storage driver (buildah --storage-driver).</source>
        <translation>Драйвер containers-storage (buildah --storage-driver).</translation>
    </message>
    <message>
        <source>Seconds a storage request may stall (default 30).</source>
        <translation>Сколько секунд запрос к хранилищу может простаивать (по умолчанию 30).</translation>
    </message>
    <message>
        <source>cannot read the CA file %1</source>
        <translation>не удаётся прочитать файл CA %1</translation>
    </message>
    <message>
        <source>invalid --storage-timeout &quot;%1&quot;: expected seconds</source>
        <translation>недопустимое значение --storage-timeout &quot;%1&quot;: ожидается число секунд</translation>
    </message>
    <message>
        <source>warning: keychain (%1): %2</source>
        <translation>warning: связка ключей (%1): %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>warning: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>Seconds one storage operation (a listing, an inspect) may take in all (default 120).</source>
        <translation>Сколько секунд в сумме может длиться одна операция с хранилищем — получение списка или inspect (по умолчанию 120).</translation>
    </message>
    <message>
        <source>The Docker daemon&apos;s socket for --storage docker (unix:///path; default DOCKER_HOST, else /var/run/docker.sock).</source>
        <translation>Сокет демона Docker для --storage docker (unix:///path; по умолчанию DOCKER_HOST, иначе /var/run/docker.sock).</translation>
    </message>
    <message>
        <source>invalid --storage-time-limit &quot;%1&quot;: expected seconds</source>
        <translation>недопустимое значение --storage-time-limit &quot;%1&quot;: ожидается число секунд</translation>
    </message>
    <message>
        <source>--docker-host needs a value</source>
        <translation>--docker-host требует значение</translation>
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
    <message>
        <source>Will be rebuilt:</source>
        <translation>Будет пересобрана:</translation>
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
    <message>
        <source>No images to show.
Open a werf.yaml, or see the Problems list if the configuration has errors.</source>
        <translation>Нет образов для показа.
Откройте werf.yaml или, если в конфигурации есть ошибки, посмотрите список «Проблемы».</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::DocumentController</name>
    <message>
        <source>Open cancelled: the unsaved changes were kept</source>
        <translation>Открытие отменено: несохранённые изменения не тронуты</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Сохранить к&amp;ак…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>(meta document)</source>
        <translation>(метадокумент)</translation>
    </message>
    <message>
        <source>e.g. from, shell.install, docker.ENV.TZ, import[0].to</source>
        <translation>например: from, shell.install, docker.ENV.TZ, import[0].to</translation>
    </message>
    <message>
        <source>a YAML flow value: alpine:3.19, [a, b], &quot;x y&quot;</source>
        <translation>значение YAML в потоковом стиле: alpine:3.19, [a, b], &quot;x y&quot;</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Задать</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Образ:</translation>
    </message>
    <message>
        <source>Directive:</source>
        <translation>Директива:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Значение:</translation>
    </message>
    <message>
        <source>Add Image…</source>
        <translation>Добавить образ…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>Дублировать…</translation>
    </message>
    <message>
        <source>Delete Image</source>
        <translation>Удалить образ</translation>
    </message>
    <message>
        <source>Artifact ↔ final: false</source>
        <translation>Артефакт ↔ final: false</translation>
    </message>
    <message>
        <source>Toggle fromLatest</source>
        <translation>Переключить fromLatest</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Add Image</source>
        <translation>Добавить образ</translation>
    </message>
    <message>
        <source>Rename Image</source>
        <translation>Переименовать образ</translation>
    </message>
    <message>
        <source>Duplicate Image</source>
        <translation>Дублировать образ</translation>
    </message>
    <message>
        <source>Edit Directive</source>
        <translation>Изменить директиву</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>В %1 есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>Восстановление несохранённых изменений</translation>
    </message>
    <message>
        <source>Stagecraft was not closed properly while %1 had unsaved changes. Recover them?</source>
        <translation>Stagecraft был закрыт некорректно, когда в %1 были несохранённые изменения. Восстановить их?</translation>
    </message>
    <message>
        <source>%1 was changed by another program. Reload it and lose your unsaved changes?</source>
        <translation>%1 изменён другой программой. Перезагрузить его и потерять несохранённые изменения?</translation>
    </message>
    <message>
        <source>%1 was changed by another program. Reload it?</source>
        <translation>%1 изменён другой программой. Перезагрузить его?</translation>
    </message>
    <message>
        <source>File Changed</source>
        <translation>Файл изменён</translation>
    </message>
    <message>
        <source>%1 was changed by another program; saving will ask before overwriting it</source>
        <translation>%1 изменён другой программой; перед его перезаписью при сохранении будет задан вопрос</translation>
    </message>
    <message>
        <source>%1 was changed by another program since it was read. Overwrite it?</source>
        <translation>%1 изменён другой программой после того, как был прочитан. Перезаписать его?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <source>werf config (werf.yaml werf.yml *.yaml *.yml)</source>
        <translation>Конфигурация werf (werf.yaml werf.yml *.yaml *.yml)</translation>
    </message>
    <message>
        <source>the meta document</source>
        <translation>метадокумент</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>Задать %1 для %2</translation>
    </message>
    <message>
        <source>Remove %1 of %2</source>
        <translation>Удалить %1 из %2</translation>
    </message>
    <message>
        <source>Add Artifact %1</source>
        <translation>Добавить артефакт %1</translation>
    </message>
    <message>
        <source>Add Image %1</source>
        <translation>Добавить образ %1</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Переименовать %1 в %2</translation>
    </message>
    <message>
        <source>Duplicate %1 as %2</source>
        <translation>Дублировать %1 как %2</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Удалить %1</translation>
    </message>
    <message>
        <source>Make %1 an image with final: false</source>
        <translation>Сделать %1 образом с final: false</translation>
    </message>
    <message>
        <source>Make %1 an artifact</source>
        <translation>Сделать %1 артефактом</translation>
    </message>
    <message>
        <source>Use the latest base of %1</source>
        <translation>Использовать последнюю версию базы для %1</translation>
    </message>
    <message>
        <source>Stop using the latest base of %1</source>
        <translation>Не использовать последнюю версию базы для %1</translation>
    </message>
    <message>
        <source>%1 is not a stapel image: it takes no fromImage or imports</source>
        <translation>%1 не является stapel-образом: у него не может быть fromImage или import</translation>
    </message>
    <message>
        <source>Build %1 on %2</source>
        <translation>Собирать %1 на основе %2</translation>
    </message>
    <message>
        <source>only stapel images and artifacts can be imported from</source>
        <translation>импортировать можно только из stapel-образов и артефактов</translation>
    </message>
    <message>
        <source>Import %1 into %2</source>
        <translation>Импортировать %1 в %2</translation>
    </message>
    <message>
        <source>Delete import of %1 into %2</source>
        <translation>Удалить import из %1 в %2</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Импорт отменён</translation>
    </message>
    <message>
        <source>Replace Base Image</source>
        <translation>Заменить базовый образ</translation>
    </message>
    <message>
        <source>%1 is built on %2. An image needs a base: build it on this image from a registry instead (from:):</source>
        <translation>%1 собирается на основе %2. Образу нужна база: вместо этого соберите его на основе следующего образа из реестра (from:):</translation>
    </message>
    <message>
        <source>The base of %1 was kept</source>
        <translation>База %1 оставлена без изменений</translation>
    </message>
    <message>
        <source>Build %1 on %2 instead of %3</source>
        <translation>Собирать %1 на основе %2 вместо %3</translation>
    </message>
    <message>
        <source>Delete dependency of %1 on %2</source>
        <translation>Удалить зависимость %1 от %2</translation>
    </message>
    <message>
        <source>the entry of this edge was not found in the config</source>
        <translation>запись этой связи не найдена в конфигурации</translation>
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
        <source>cannot draw a %1 × %2 image</source>
        <translation>не удаётся нарисовать изображение %1 × %2</translation>
    </message>
    <message>
        <source>the graph is %1 × %2 pixels at scale %3, more than a PNG can hold here (%4 pixels a side); drawn at scale %5 instead (export SVG for full detail)</source>
        <translation>при масштабе %3 граф занимает %1 × %2 пикселей — больше, чем здесь вмещает PNG (%4 пикселей по стороне); вместо этого он нарисован в масштабе %5 (для полной детализации экспортируйте в SVG)</translation>
    </message>
    <message>
        <source>the graph is %1 × %2 pixels at scale %3, more than the %4 megapixels of an export without a chosen scale; drawn at scale %5 instead (choose a scale, --scale N, for a larger image up to %6 pixels a side, or export SVG)</source>
        <translation>при масштабе %3 граф занимает %1 × %2 пикселей — больше %4 мегапикселей, допустимых при экспорте без выбранного масштаба; вместо этого он нарисован в масштабе %5 (чтобы получить изображение крупнее, до %6 пикселей по стороне, выберите масштаб, --scale N, или экспортируйте в SVG)</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::ImportDialog</name>
    <message>
        <source>Import from %1</source>
        <translation>Импорт из %1</translation>
    </message>
    <message>
        <source>Copy files of %1 into %2. werf needs the path to copy (add); to defaults to the same path.</source>
        <translation>Копировать файлы %1 в %2. werf требуется путь для копирования (add); to по умолчанию совпадает с ним.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(last stage)</source>
        <translation>(последняя стадия)</translation>
    </message>
    <message>
        <source>add:</source>
        <translation>add:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>Импортируется:</translation>
    </message>
    <message>
        <source>From stage:</source>
        <translation>Из стадии:</translation>
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
    <message>
        <source>%1[*] — Stagecraft</source>
        <translation>%1[*] — Stagecraft</translation>
    </message>
    <message>
        <source>&amp;Storages and Registries…</source>
        <translation>&amp;Хранилища и реестры…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Plan not updated: %1</source>
        <translation>План не обновлён: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n matching image(s)</source>
        <translation>
            <numerusform>%n подходящий образ</numerusform>
            <numerusform>%n подходящих образа</numerusform>
            <numerusform>%n подходящих образов</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset &amp;Panels</source>
        <translation>Вернуть &amp;панели на место</translation>
    </message>
    <message>
        <source>Put every panel back where it starts, shown and docked, at its first size</source>
        <translation>Вернуть все панели на исходные места: показанными, закреплёнными и исходного размера</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::PlanPanel</name>
    <message>
        <source>Planning…</source>
        <translation>Планирование…</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>Плана пока нет.</translation>
    </message>
    <message>
        <source>No plan: %1</source>
        <translation>Нет плана: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n stage(s) would be rebuilt against the baseline (planned in %2 ms)</source>
        <translation>
            <numerusform>К пересборке относительно эталона: %1 из %n стадии (план построен за %2 мс)</numerusform>
            <numerusform>К пересборке относительно эталона: %1 из %n стадий (план построен за %2 мс)</numerusform>
            <numerusform>К пересборке относительно эталона: %1 из %n стадий (план построен за %2 мс)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not updated: %1</source>
        <translation>Не обновлён: %1</translation>
    </message>
    <message>
        <source>Only stages to rebuild</source>
        <translation>Только стадии к пересборке</translation>
    </message>
    <message>
        <source>Use as baseline</source>
        <translation>Сделать эталоном</translation>
    </message>
    <message>
        <source>Take the current signatures as the baseline (as if this version had been built)</source>
        <translation>Принять текущие сигнатуры за эталон (как если бы эта версия была собрана)</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::PngBandWriter</name>
    <message>
        <source>compressing the image failed</source>
        <translation>не удалось сжать изображение</translation>
    </message>
    <message>
        <source>a band of %1 × %2 pixels does not fit a %3 × %4 image at row %5</source>
        <translation>полоса %1 × %2 пикселей не помещается в изображение %3 × %4 в строке %5</translation>
    </message>
    <message>
        <source>the image has %1 of its %2 rows</source>
        <translation>в изображении записано %1 из %2 строк</translation>
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
    <message>
        <source>Why rebuilt</source>
        <translation>Причина пересборки</translation>
    </message>
    <message>
        <source>%1 in %2 › %3</source>
        <translation>%1 в %2 › %3</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Директива</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::PropertyEditor</name>
    <message>
        <source>the meta document</source>
        <translation>метадокумента</translation>
    </message>
    <message>
        <source>Remove %1 of %2</source>
        <translation>Удалить %1 из %2</translation>
    </message>
    <message>
        <source>Set %1 of %2 to %3</source>
        <translation>Задать %1 для %2 значение %3</translation>
    </message>
    <message>
        <source>a multi-line value: edit it in the source</source>
        <translation>многострочное значение: измените его в исходном тексте</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Новый элемент</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Вверх</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Вниз</translation>
    </message>
    <message>
        <source>Remove item %1 of %2 of %3</source>
        <translation>Удалить элемент %1 из списка %2 для %3</translation>
    </message>
    <message>
        <source>Change item %1 of %2 of %3</source>
        <translation>Изменить элемент %1 списка %2 для %3</translation>
    </message>
    <message>
        <source>Add &quot;%1&quot; to %2 of %3</source>
        <translation>Добавить &quot;%1&quot; в %2 для %3</translation>
    </message>
    <message>
        <source>Move item %1 of %2 of %3 up</source>
        <translation>Переместить вверх элемент %1 списка %2 для %3</translation>
    </message>
    <message>
        <source>Move item %1 of %2 of %3 down</source>
        <translation>Переместить вниз элемент %1 списка %2 для %3</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Edit: meta document</source>
        <translation>Редактирование: метадокумент</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>Редактирование: %1</translation>
    </message>
    <message>
        <source>An external base image (from a registry): edit the `from` of the images that use it.</source>
        <translation>Внешний базовый образ (из реестра): измените `from` в образах, которые его используют.</translation>
    </message>
    <message>
        <source>Edit: %1 › %2</source>
        <translation>Редактирование: %1 › %2</translation>
    </message>
    <message>
        <source>%1 is not in the config any more.</source>
        <translation>%1 больше нет в конфигурации.</translation>
    </message>
    <message>
        <source>The config has errors (see Problems): fix them in the source to edit %1 here.</source>
        <translation>В конфигурации есть ошибки (см. «Проблемы»): исправьте их в исходном тексте, чтобы редактировать %1 здесь.</translation>
    </message>
    <message>
        <source>The config has no meta document (project, configVersion).</source>
        <translation>В конфигурации нет метадокумента (project, configVersion).</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>project:</source>
        <translation>project:</translation>
    </message>
    <message>
        <source>configVersion:</source>
        <translation>configVersion:</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>Артефакт</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Образ</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Переименовать %1 в %2</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Final image (built and published)</source>
        <translation>Конечный образ (собирается и публикуется)</translation>
    </message>
    <message>
        <source>Make %1 an image with final: false</source>
        <translation>Сделать %1 образом с final: false</translation>
    </message>
    <message>
        <source>Make %1 a final image</source>
        <translation>Сделать %1 конечным образом</translation>
    </message>
    <message>
        <source>Make %1 an intermediate image (final: false)</source>
        <translation>Сделать %1 промежуточным образом (final: false)</translation>
    </message>
    <message>
        <source>Write as image + final: false</source>
        <translation>Записать как image + final: false</translation>
    </message>
    <message>
        <source>Write as artifact:</source>
        <translation>Записать как artifact:</translation>
    </message>
    <message>
        <source>Make %1 an artifact</source>
        <translation>Сделать %1 артефактом</translation>
    </message>
    <message>
        <source>artifact (werf 1.1 syntax)</source>
        <translation>артефакт (синтаксис werf 1.1)</translation>
    </message>
    <message>
        <source>image (werf 1.1 syntax)</source>
        <translation>образ (синтаксис werf 1.1)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Base image</source>
        <translation>Базовый образ</translation>
    </message>
    <message>
        <source>from:</source>
        <translation>from:</translation>
    </message>
    <message>
        <source>fromImage:</source>
        <translation>fromImage:</translation>
    </message>
    <message>
        <source>fromImageArtifact:</source>
        <translation>fromImageArtifact:</translation>
    </message>
    <message>
        <source>Build %1 on %2 (%3)</source>
        <translation>Собирать %1 на основе %2 (%3)</translation>
    </message>
    <message>
        <source>fromCacheVersion:</source>
        <translation>fromCacheVersion:</translation>
    </message>
    <message>
        <source>fromLatest</source>
        <translation>fromLatest</translation>
    </message>
    <message>
        <source>Build on the newest image of the `from` tag; werf requires the herebyIAdmitThatFromLatestMightBreakReproducibility key with it, which is written (and removed) together with fromLatest.</source>
        <translation>Собирать на основе самого нового образа с тегом из `from`; werf требует вместе с этим ключ herebyIAdmitThatFromLatestMightBreakReproducibility, который записывается (и удаляется) вместе с fromLatest.</translation>
    </message>
    <message>
        <source>fromLatest applies to a `from` base image</source>
        <translation>fromLatest применим только к базовому образу `from`</translation>
    </message>
    <message>
        <source>Use the latest base of %1</source>
        <translation>Использовать последнюю версию базы для %1</translation>
    </message>
    <message>
        <source>Stop using the latest base of %1</source>
        <translation>Не использовать последнюю версию базы для %1</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>%1CacheVersion:</source>
        <translation>%1CacheVersion:</translation>
    </message>
    <message>
        <source>cacheVersion:</source>
        <translation>cacheVersion:</translation>
    </message>
    <message>
        <source>Ansible</source>
        <translation>Ansible</translation>
    </message>
    <message>
        <source>edit the task in the source view</source>
        <translation>измените задачу в исходном тексте</translation>
    </message>
    <message>
        <source>Task %1 (%2):</source>
        <translation>Задача %1 (%2):</translation>
    </message>
    <message>
        <source>no tasks</source>
        <translation>нет задач</translation>
    </message>
    <message>
        <source>Git mapping %1 (%2)</source>
        <translation>Git-маппинг %1 (%2)</translation>
    </message>
    <message>
        <source>Git mapping %1</source>
        <translation>Git-маппинг %1</translation>
    </message>
    <message>
        <source>url:</source>
        <translation>url:</translation>
    </message>
    <message>
        <source>branch:</source>
        <translation>branch:</translation>
    </message>
    <message>
        <source>tag:</source>
        <translation>tag:</translation>
    </message>
    <message>
        <source>commit:</source>
        <translation>commit:</translation>
    </message>
    <message>
        <source>add:</source>
        <translation>add:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>includePaths:</source>
        <translation>includePaths:</translation>
    </message>
    <message>
        <source>excludePaths:</source>
        <translation>excludePaths:</translation>
    </message>
    <message>
        <source>owner:</source>
        <translation>owner:</translation>
    </message>
    <message>
        <source>group:</source>
        <translation>group:</translation>
    </message>
    <message>
        <source>stageDependencies.install:</source>
        <translation>stageDependencies.install:</translation>
    </message>
    <message>
        <source>stageDependencies.beforeSetup:</source>
        <translation>stageDependencies.beforeSetup:</translation>
    </message>
    <message>
        <source>stageDependencies.setup:</source>
        <translation>stageDependencies.setup:</translation>
    </message>
    <message>
        <source>Remove Git Mapping</source>
        <translation>Удалить git-маппинг</translation>
    </message>
    <message>
        <source>Remove git mapping %1 of %2</source>
        <translation>Удалить git-маппинг %1 из %2</translation>
    </message>
    <message>
        <source>New git mapping</source>
        <translation>Новый git-маппинг</translation>
    </message>
    <message>
        <source>path in the image, e.g. /app</source>
        <translation>путь в образе, например /app</translation>
    </message>
    <message>
        <source>Add Git Mapping</source>
        <translation>Добавить git-маппинг</translation>
    </message>
    <message>
        <source>A git mapping needs `to`: the path in the image.</source>
        <translation>Для git-маппинга нужен `to`: путь в образе.</translation>
    </message>
    <message>
        <source>Add git mapping %1 → %2 to %3</source>
        <translation>Добавить git-маппинг %1 → %2 в %3</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>Монтирования</translation>
    </message>
    <message>
        <source>%1. to:</source>
        <translation>%1. to:</translation>
    </message>
    <message>
        <source>fromPath:</source>
        <translation>fromPath:</translation>
    </message>
    <message>
        <source>Remove Mount</source>
        <translation>Удалить монтирование</translation>
    </message>
    <message>
        <source>Remove mount %1 of %2</source>
        <translation>Удалить монтирование %1 из %2</translation>
    </message>
    <message>
        <source>path in the build container</source>
        <translation>путь в сборочном контейнере</translation>
    </message>
    <message>
        <source>tmp_dir (from:)</source>
        <translation>tmp_dir (from:)</translation>
    </message>
    <message>
        <source>build_dir (from:)</source>
        <translation>build_dir (from:)</translation>
    </message>
    <message>
        <source>Add Mount</source>
        <translation>Добавить монтирование</translation>
    </message>
    <message>
        <source>New to:</source>
        <translation>Новый to:</translation>
    </message>
    <message>
        <source>New from:</source>
        <translation>Новый from:</translation>
    </message>
    <message>
        <source>A mount needs `to`: the path in the build container.</source>
        <translation>Для монтирования нужен `to`: путь в сборочном контейнере.</translation>
    </message>
    <message>
        <source>Add mount %1 to %2</source>
        <translation>Добавить монтирование %1 в %2</translation>
    </message>
    <message>
        <source>Import %1 from %2</source>
        <translation>Импорт %1 из %2</translation>
    </message>
    <message>
        <source>artifact:</source>
        <translation>artifact:</translation>
    </message>
    <message>
        <source>image:</source>
        <translation>image:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Import at %1 %2 in %3</source>
        <translation>Импортировать в %3 на %1 %2</translation>
    </message>
    <message>
        <source>before/after:</source>
        <translation>before/after:</translation>
    </message>
    <message>
        <source>(last stage)</source>
        <translation>(последняя стадия)</translation>
    </message>
    <message>
        <source>Import from the last stage in %1</source>
        <translation>Импортировать из последней стадии в %1</translation>
    </message>
    <message>
        <source>Import from stage %1 in %2</source>
        <translation>Импортировать из стадии %1 в %2</translation>
    </message>
    <message>
        <source>stage:</source>
        <translation>stage:</translation>
    </message>
    <message>
        <source>Remove Import</source>
        <translation>Удалить импорт</translation>
    </message>
    <message>
        <source>Delete import of %1 into %2</source>
        <translation>Удалить импорт %1 в %2</translation>
    </message>
    <message>
        <source>New import</source>
        <translation>Новый импорт</translation>
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
        <source>same as add</source>
        <translation>как в add</translation>
    </message>
    <message>
        <source>Add Import</source>
        <translation>Добавить импорт</translation>
    </message>
    <message>
        <source>An import needs `add`: the path in the source image.</source>
        <translation>Для импорта нужен `add`: путь в исходном образе.</translation>
    </message>
    <message>
        <source>Import %1 into %2</source>
        <translation>Импортировать %1 в %2</translation>
    </message>
    <message>
        <source>Docker instructions</source>
        <translation>Инструкции Docker</translation>
    </message>
    <message>
        <source>VOLUME:</source>
        <translation>VOLUME:</translation>
    </message>
    <message>
        <source>EXPOSE:</source>
        <translation>EXPOSE:</translation>
    </message>
    <message>
        <source>ENV:</source>
        <translation>ENV:</translation>
    </message>
    <message>
        <source>LABEL:</source>
        <translation>LABEL:</translation>
    </message>
    <message>
        <source>ENTRYPOINT:</source>
        <translation>ENTRYPOINT:</translation>
    </message>
    <message>
        <source>CMD:</source>
        <translation>CMD:</translation>
    </message>
    <message>
        <source>WORKDIR:</source>
        <translation>WORKDIR:</translation>
    </message>
    <message>
        <source>USER:</source>
        <translation>USER:</translation>
    </message>
    <message>
        <source>HEALTHCHECK:</source>
        <translation>HEALTHCHECK:</translation>
    </message>
    <message>
        <source>Dockerfile image</source>
        <translation>Образ Dockerfile</translation>
    </message>
    <message>
        <source>dockerfile:</source>
        <translation>dockerfile:</translation>
    </message>
    <message>
        <source>context:</source>
        <translation>context:</translation>
    </message>
    <message>
        <source>target:</source>
        <translation>target:</translation>
    </message>
    <message>
        <source>args:</source>
        <translation>args:</translation>
    </message>
    <message>
        <source>addHost:</source>
        <translation>addHost:</translation>
    </message>
    <message>
        <source>network:</source>
        <translation>network:</translation>
    </message>
    <message>
        <source>ssh:</source>
        <translation>ssh:</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::StorageConfiguration</name>
    <message>
        <source>The default stages storage &quot;%1&quot; in the settings is not usable (%2); the local containers-storage is used instead.</source>
        <translation>Хранилище стадий по умолчанию &quot;%1&quot; из настроек недоступно (%2); вместо него используется локальное containers-storage.</translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::StorageRefreshAction</name>
    <message>
        <source>Refresh &amp;Storage</source>
        <translation>&amp;Обновить хранилище</translation>
    </message>
    <message>
        <source>Look up which stages the stages storage already holds</source>
        <translation>Узнать, какие стадии уже есть в хранилище стадий</translation>
    </message>
    <message>
        <source>Reading the stages storage %1…</source>
        <translation>Чтение хранилища стадий %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s) cached in %1</source>
        <translation>
            <numerusform>%n стадия в кэше хранилища %1</numerusform>
            <numerusform>%n стадии в кэше хранилища %1</numerusform>
            <numerusform>%n стадий в кэше хранилища %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stagecraft::Ui::StorageSettingsDialog</name>
    <message>
        <source>Storages and Registries</source>
        <translation>Хранилища и реестры</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>Реестры</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Import from ~/.docker/config.json…</source>
        <translation>&amp;Импорт из ~/.docker/config.json…</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>registry.example.com or 127.0.0.1:5000</source>
        <translation>registry.example.com или 127.0.0.1:5000</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>И&amp;мя пользователя:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Delete the stored password from the keychain</source>
        <translation>Удалить сохранённый пароль из связки ключей</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;Сертификат CA:</translation>
    </message>
    <message>
        <source>system certificates only</source>
        <translation>только системные сертификаты</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>I&amp;nsecure: plain HTTP or HTTPS without certificate verification</source>
        <translation>&amp;Небезопасный: обычный HTTP или HTTPS без проверки сертификата</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>П&amp;роверить соединение</translation>
    </message>
    <message>
        <source>Stages storage</source>
        <translation>Хранилище стадий</translation>
    </message>
    <message>
        <source>D&amp;efault storage:</source>
        <translation>&amp;Хранилище по умолчанию:</translation>
    </message>
    <message>
        <source>&quot;local&quot; (containers-storage, shared with buildah), &quot;docker&quot; (the local Docker daemon) or a registry repository such as 127.0.0.1:5000/project/stages</source>
        <translation>&quot;local&quot; (containers-storage, общее с buildah), &quot;docker&quot; (локальный демон Docker) или репозиторий в реестре, например 127.0.0.1:5000/project/stages</translation>
    </message>
    <message>
        <source>containers-storage &amp;root:</source>
        <translation>&amp;Корень containers-storage:</translation>
    </message>
    <message>
        <source>buildah&apos;s default</source>
        <translation>по умолчанию buildah</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Об&amp;зор…</translation>
    </message>
    <message>
        <source>Storage dri&amp;ver:</source>
        <translation>Драй&amp;вер хранилища:</translation>
    </message>
    <message>
        <source>default</source>
        <translation>по умолчанию</translation>
    </message>
    <message>
        <source>(new registry)</source>
        <translation>(новый реестр)</translation>
    </message>
    <message>
        <source>%1 (insecure)</source>
        <translation>%1 (небезопасный)</translation>
    </message>
    <message>
        <source>This registry</source>
        <translation>Этот реестр</translation>
    </message>
    <message>
        <source>identity token imported; stored in the keychain on OK</source>
        <translation>импортирован токен идентификации; он будет сохранён в связке ключей по нажатию OK</translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace it</source>
        <translation>сохранён в связке ключей; введите новый, чтобы заменить</translation>
    </message>
    <message>
        <source>no password stored</source>
        <translation>пароль не сохранён</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>Сертификат CA</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Сертификаты PEM (*.pem *.crt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>containers-storage Root</source>
        <translation>Корень containers-storage</translation>
    </message>
    <message>
        <source>Import from the Docker Configuration</source>
        <translation>Импорт из конфигурации Docker</translation>
    </message>
    <message>
        <source>%1 holds no registry credentials.</source>
        <translation>В %1 нет учётных данных реестров.</translation>
    </message>
    <message>
        <source>Choose the registries whose credentials are copied from %1 into the keychain:</source>
        <translation>Выберите реестры, учётные данные которых будут скопированы из %1 в связку ключей:</translation>
    </message>
    <message>
        <source>%1 (kept in a docker credential helper; cannot be imported)</source>
        <translation>%1 (хранятся в помощнике учётных данных docker; импорт невозможен)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n registry credential(s); OK stores them in the keychain.</source>
        <translation>
            <numerusform>Импортированы учётные данные %n реестра; OK сохранит их в связке ключей.</numerusform>
            <numerusform>Импортированы учётные данные %n реестров; OK сохранит их в связке ключей.</numerusform>
            <numerusform>Импортированы учётные данные %n реестров; OK сохранит их в связке ключей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Проверка %1…</translation>
    </message>
    <message>
        <source>A registry has no address.</source>
        <translation>У реестра не указан адрес.</translation>
    </message>
    <message>
        <source>%1 is listed twice.</source>
        <translation>%1 указан дважды.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 of %2 cannot be read.</source>
        <translation>Не удаётся прочитать файл сертификата CA %1 для %2.</translation>
    </message>
    <message>
        <source>Saving to the keychain…</source>
        <translation>Сохранение в связку ключей…</translation>
    </message>
    <message>
        <source>The settings were saved, but the keychain failed:
%1</source>
        <translation>Настройки сохранены, но связка ключей вернула ошибку:
%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
</TS>
