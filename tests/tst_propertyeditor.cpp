// SPDX-License-Identifier: GPL-3.0-or-later
//
// The properties panel's field editors on real widgets (offscreen): each committed field is one
// undo command with its own text and changes exactly the expected bytes; template output is
// shown read-only with the action that produced it; an edit that makes the config invalid is
// applied and its problem reported.
#include "conveyorscene.h"
#include "document/document.h"
#include "documentcontroller.h"
#include "edgeitem.h"
#include "mainwindow.h"
#include "models/settings.h"
#include "propertiespanel.h"
#include "propertyeditor.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Stagecraft;
using namespace Stagecraft::Model;

namespace {

const QByteArray projectText = "project: demo\n"
                               "configVersion: 1\n"
                               "---\n"
                               "image: base # the shared base\n"
                               "from: alpine:3.19\n"
                               "git:\n"
                               "- add: /\n"
                               "  to: /src\n"
                               "---\n"
                               "image: app\n"
                               "from: alpine:3.19\n"
                               "shell:\n"
                               "  install:\n"
                               "  - make\n"
                               "  - make install # the binary\n"
                               "docker:\n"
                               "  WORKDIR: /app\n"
                               "  ENV:\n"
                               "    TZ: UTC\n"
                               "---\n"
                               "artifact: tools\n"
                               "from: golang:1.22\n"
                               "import:\n"
                               "- image: base\n"
                               "  add: /src\n"
                               "  after: install\n"
                               "---\n"
                               "image: web\n"
                               "dockerfile: Dockerfile\n"
                               "context: web\n";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

struct Fixture
{
    QTemporaryDir dir;
    QSettings qsettings{dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat};
    Settings settings{qsettings};
    Ui::MainWindow window{settings};
    Ui::DocumentController *controller = new Ui::DocumentController(&window);
    QString path = dir.filePath(QStringLiteral("werf.yaml"));

    bool open(const QByteArray &text = projectText)
    {
        QDir(dir.path()).mkpath(QStringLiteral("web"));
        return writeFile(dir.filePath(QStringLiteral("web/Dockerfile")), "FROM alpine:3.19\n")
               && writeFile(path, text) && window.openPath(path);
    }
    Document *document() const { return controller->document(); }
    Ui::PropertyEditor *editor() const { return controller->propertyEditor(); }
    int image(const QString &name) const
    {
        const Conveyor &c = window.scene()->conveyor();
        for (int i = 0; i < c.images.size(); ++i) {
            if (c.images.at(i).name == name && c.images.at(i).kind != ImageKind::External)
                return i;
        }
        return -1;
    }
    /** Shows a selection the way the window does: through the properties panel. */
    void select(const QString &name, std::optional<StageId> stage = std::nullopt)
    {
        const int i = name.isEmpty() ? -1 : image(name);
        window.scene()->selectImage(i, stage);
        window.propertiesPanel()->showSelection(i, stage);
        editor()->rebuildNow();
    }
    template<typename T>
    T *field(const QString &name) const
    {
        return editor()->findChild<T *>(name);
    }
    QString undoText() const { return document()->undoStack()->undoText(); }
    int undoCount() const { return document()->undoStack()->count(); }
};

/** Types into a line edit and commits it the way Return does. */
void commitLine(QLineEdit *edit, const QString &text)
{
    QVERIFY(edit);
    QVERIFY(!edit->isReadOnly());
    edit->setFocus();
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

QByteArray replaced(QByteArray text, const char *before, const char *after)
{
    const qsizetype at = text.indexOf(before);
    if (at < 0)
        return "<" + QByteArray(before) + " not found>";
    return text.replace(at, qstrlen(before), after);
}

} // namespace

class tst_PropertyEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void followsTheSelection();
    void metaProject();
    void renameWithReferences();
    void baseImage();
    void finalToggle();
    void shellCommands();
    void dockerInstructions();
    void gitMapping();
    void imports();
    void mounts();
    void dockerfileImage();
    void renameDockerfileImage();
    void invalidResultIsAProblem();
    void refusedEditSaysWhere();
    void templateOutputIsReadOnly();
};

void tst_PropertyEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("stagecraft-tst-propertyeditor"));
}

void tst_PropertyEditor::followsTheSelection()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.editor());
    QVERIFY(f.window.propertiesPanel()->isAncestorOf(f.editor()));
    f.select({});
    QVERIFY(f.editor()->target().meta);
    QCOMPARE(f.editor()->sectionTitles(), QStringList{QStringLiteral("Project")});
    f.select(QStringLiteral("app"));
    QCOMPARE(f.editor()->target().name, QStringLiteral("app"));
    QCOMPARE(f.editor()->sectionTitles(),
             QStringList({QStringLiteral("Image"),
                          QStringLiteral("Base image"),
                          QStringLiteral("Mounts"),
                          QStringLiteral("New import")}));
    f.select(QStringLiteral("app"), StageId::Install);
    QCOMPARE(f.editor()->sectionTitles(), QStringList{QStringLiteral("Shell")});
    f.select(QStringLiteral("app"), StageId::DockerInstructions);
    QCOMPARE(f.editor()->sectionTitles(), QStringList{QStringLiteral("Docker instructions")});
    f.select(QStringLiteral("base"), StageId::GitArchive);
    QCOMPARE(f.editor()->sectionTitles(),
             QStringList({QStringLiteral("Git mapping 1"), QStringLiteral("New git mapping")}));
    f.select(QStringLiteral("tools"), StageId::ImportsAfterInstall);
    QCOMPARE(f.editor()->sectionTitles(),
             QStringList({QStringLiteral("Import 1 from base"), QStringLiteral("New import")}));
    // The panel's own selection path (the scene) drives it too.
    f.window.scene()->selectImage(f.image(QStringLiteral("web")));
    f.window.propertiesPanel()->showSelection(f.image(QStringLiteral("web")), std::nullopt);
    f.editor()->rebuildNow();
    QCOMPARE(f.editor()->sectionTitles(), QStringList{QStringLiteral("Dockerfile image")});
    // A selected edge (a click selects it alone): the fields where it acts (tools' import).
    f.window.scene()->clearSelection();
    for (Ui::EdgeItem *e : f.window.scene()->edgeItems()) {
        if (f.window.scene()->conveyor().edges.at(e->edge()).kind == EdgeKind::Import)
            e->setSelected(true);
    }
    f.editor()->rebuildNow();
    QCOMPARE(f.editor()->target().name, QStringLiteral("tools"));
    QCOMPARE(f.editor()->stage(), std::optional<StageId>(StageId::ImportsAfterInstall));
    QCOMPARE(f.editor()->sectionTitles().value(0), QStringLiteral("Import 1 from base"));
}

void tst_PropertyEditor::metaProject()
{
    Fixture f;
    QVERIFY(f.open());
    f.select({});
    commitLine(f.field<QLineEdit>(QStringLiteral("field:project")), QStringLiteral("shop"));
    QCOMPARE(f.document()->text(), replaced(projectText, "project: demo", "project: shop"));
    QCOMPARE(f.undoCount(), 1);
    QCOMPARE(f.undoText(), QStringLiteral("Set project of the meta document to shop"));
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:configVersion")), QStringLiteral("2"));
    QVERIFY(f.document()->text().contains("configVersion: 2\n"));
    QCOMPARE(f.undoCount(), 2);
    // Undo through the window's action restores the bytes.
    f.controller->undoAction()->trigger();
    f.controller->undoAction()->trigger();
    QCOMPARE(f.document()->text(), projectText);
}

void tst_PropertyEditor::renameWithReferences()
{
    Fixture f;
    QVERIFY(f.open());
    f.select(QStringLiteral("base"));
    commitLine(f.field<QLineEdit>(QStringLiteral("field:name")), QStringLiteral("core"));
    QByteArray expected = replaced(projectText, "image: base #", "image: core #");
    expected = replaced(expected, "- image: base\n", "- image: core\n");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.undoText(), QStringLiteral("Rename base to core"));
    // The editor follows the renamed image.
    f.editor()->rebuildNow();
    QCOMPARE(f.editor()->target().name, QStringLiteral("core"));
    QCOMPARE(f.field<QLineEdit>(QStringLiteral("field:name"))->text(), QStringLiteral("core"));
}

void tst_PropertyEditor::baseImage()
{
    Fixture f;
    QVERIFY(f.open());
    f.select(QStringLiteral("app"));
    // fromImage replaces `from` in place.
    auto *fromImage = f.field<QComboBox>(QStringLiteral("field:fromImage"));
    QVERIFY(fromImage);
    QCOMPARE(fromImage->findText(QStringLiteral("base")) >= 0, true);
    QCOMPARE(fromImage->findText(QStringLiteral("tools")), -1); // an artifact: fromImageArtifact
    commitLine(fromImage->lineEdit(), QStringLiteral("base"));
    QCOMPARE(f.document()->text(),
             replaced(projectText,
                      "image: app\nfrom: alpine:3.19\n",
                      "image: app\nfromImage: base\n"));
    QCOMPARE(f.undoText(), QStringLiteral("Build app on base (fromImage)"));
    f.controller->undoAction()->trigger();
    f.editor()->rebuildNow();
    // fromCacheVersion and fromLatest (with werf's admission key).
    commitLine(f.field<QLineEdit>(QStringLiteral("field:fromCacheVersion")), QStringLiteral("2"));
    QCOMPARE(f.document()->text(),
             replaced(projectText,
                      "  - make install # the binary\ndocker:\n  WORKDIR: /app\n  ENV:\n    TZ: "
                      "UTC\n",
                      "  - make install # the binary\ndocker:\n  WORKDIR: /app\n  ENV:\n    TZ: "
                      "UTC\n"
                      "fromCacheVersion: \"2\"\n"));
    f.editor()->rebuildNow();
    auto *latest = f.field<QCheckBox>(QStringLiteral("field:fromLatest"));
    QVERIFY(latest && latest->isEnabled() && !latest->isChecked());
    latest->click();
    QVERIFY(f.document()->text().contains(
            "fromCacheVersion: \"2\"\nfromLatest: true\n"
            "herebyIAdmitThatFromLatestMightBreakReproducibility: true\n"));
    QCOMPARE(f.undoText(), QStringLiteral("Use the latest base of app"));
    QCOMPARE(f.undoCount(), 2); // the undone fromImage edit is gone
    QVERIFY(f.document()->project().ok());
}

void tst_PropertyEditor::finalToggle()
{
    // The newer syntax (`final:` makes the file werf 1.2): an image is final or intermediate.
    const QByteArray newer = "project: demo\n"
                             "configVersion: 1\n"
                             "---\n"
                             "image: base\n"
                             "from: alpine:3.19\n"
                             "final: false\n"
                             "---\n"
                             "image: app\n"
                             "fromImage: base\n";
    Fixture f;
    QVERIFY(f.open(newer));
    QVERIFY(f.document()->project().version != WerfVersion::V1_1);
    f.select(QStringLiteral("base"));
    auto *final = f.field<QCheckBox>(QStringLiteral("field:final"));
    QVERIFY(final && final->isEnabled());
    QVERIFY(!final->isChecked());
    QVERIFY(f.field<QPushButton>(QStringLiteral("convertArtifactStyle")));
    final->click();
    QCOMPARE(f.document()->text(), replaced(newer, "final: false\n", ""));
    QCOMPARE(f.undoText(), QStringLiteral("Make base a final image"));
    f.controller->undoAction()->trigger();
    f.select(QStringLiteral("app"));
    final = f.field<QCheckBox>(QStringLiteral("field:final"));
    QVERIFY(final && final->isChecked());
    final->click();
    QCOMPARE(f.document()->text(), newer + "final: false\n");
    QCOMPARE(f.undoText(), QStringLiteral("Make app an intermediate image (final: false)"));
    // werf 1.1 files have no such toggle: artifact and image are different keys there.
    Fixture old;
    QVERIFY(old.open());
    old.select(QStringLiteral("tools"));
    QVERIFY(!old.field<QCheckBox>(QStringLiteral("field:final")));
}

void tst_PropertyEditor::shellCommands()
{
    Fixture f;
    QVERIFY(f.open());
    f.select(QStringLiteral("app"), StageId::Install);
    auto *items = f.field<QListWidget>(QStringLiteral("field:shell.install:items"));
    QVERIFY(items);
    QCOMPARE(items->count(), 2);
    QCOMPARE(items->item(1)->text(), QStringLiteral("make install"));
    // Add.
    commitLine(f.field<QLineEdit>(QStringLiteral("field:shell.install:new")),
               QStringLiteral("make test"));
    QByteArray expected = replaced(projectText,
                                   "  - make install # the binary\n",
                                   "  - make install # the binary\n  - make test\n");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.undoText(), QStringLiteral("Add \"make test\" to shell.install of app"));
    // Edit an item in place (its comment stays).
    f.editor()->rebuildNow();
    items = f.field<QListWidget>(QStringLiteral("field:shell.install:items"));
    items->item(1)->setText(QStringLiteral("make install DESTDIR=/out"));
    expected = replaced(expected, "  - make install #", "  - make install DESTDIR=/out #");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.undoText(), QStringLiteral("Change item 2 of shell.install of app"));
    // Reorder: the first command moves down.
    f.editor()->rebuildNow();
    items = f.field<QListWidget>(QStringLiteral("field:shell.install:items"));
    items->setCurrentRow(0);
    f.field<QPushButton>(QStringLiteral("field:shell.install:down"))->click();
    expected = replaced(expected,
                        "  - make\n  - make install DESTDIR=/out #",
                        "  - make install DESTDIR=/out\n  - make #");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.undoText(), QStringLiteral("Move item 1 of shell.install of app down"));
    // Remove.
    f.editor()->rebuildNow();
    items = f.field<QListWidget>(QStringLiteral("field:shell.install:items"));
    items->setCurrentRow(2);
    f.field<QPushButton>(QStringLiteral("field:shell.install:remove"))->click();
    expected = replaced(expected, "  - make test\n", "");
    QCOMPARE(f.document()->text(), expected);
    // The stage's cacheVersion.
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:shell.installCacheVersion")),
               QStringLiteral("v2"));
    expected = replaced(expected,
                        "  - make # the binary\n",
                        "  - make # the binary\n  installCacheVersion: v2\n");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.undoCount(), 5);
    QVERIFY(f.document()->project().ok());
    while (f.document()->undoStack()->canUndo())
        f.controller->undoAction()->trigger();
    QCOMPARE(f.document()->text(), projectText);
}

void tst_PropertyEditor::dockerInstructions()
{
    Fixture f;
    QVERIFY(f.open());
    f.select(QStringLiteral("app"), StageId::DockerInstructions);
    commitLine(f.field<QLineEdit>(QStringLiteral("field:docker.WORKDIR")), QStringLiteral("/srv"));
    QByteArray expected = replaced(projectText, "WORKDIR: /app", "WORKDIR: /srv");
    QCOMPARE(f.document()->text(), expected);
    // ENV: change a value, add a variable.
    f.editor()->rebuildNow();
    auto *env = f.field<QTableWidget>(QStringLiteral("field:docker.ENV:items"));
    QVERIFY(env);
    QCOMPARE(env->item(0, 0)->text(), QStringLiteral("TZ"));
    env->item(0, 1)->setText(QStringLiteral("Europe/Berlin"));
    expected = replaced(expected, "TZ: UTC", "TZ: Europe/Berlin");
    QCOMPARE(f.document()->text(), expected);
    f.editor()->rebuildNow();
    f.field<QLineEdit>(QStringLiteral("field:docker.ENV:newKey"))->setText(QStringLiteral("LANG"));
    f.field<QLineEdit>(QStringLiteral("field:docker.ENV:newValue"))
            ->setText(QStringLiteral("C.UTF-8"));
    f.field<QPushButton>(QStringLiteral("field:docker.ENV:add"))->click();
    expected = replaced(expected, "TZ: Europe/Berlin\n", "TZ: Europe/Berlin\n    LANG: C.UTF-8\n");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.undoText(), QStringLiteral("Set docker.ENV.LANG of app to C.UTF-8"));
    // EXPOSE, a new list; USER, a new key.
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:docker.EXPOSE:new")),
               QStringLiteral("8080/tcp"));
    expected = replaced(expected,
                        "    LANG: C.UTF-8\n",
                        "    LANG: C.UTF-8\n  EXPOSE:\n  - 8080/tcp\n");
    QCOMPARE(f.document()->text(), expected);
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:docker.USER")), QStringLiteral("app"));
    expected = replaced(expected, "  - 8080/tcp\n", "  - 8080/tcp\n  USER: app\n");
    QCOMPARE(f.document()->text(), expected);
    // Clearing a field removes the key.
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:docker.WORKDIR")), QString());
    QVERIFY(!f.document()->text().contains("WORKDIR"));
    QCOMPARE(f.undoText(), QStringLiteral("Remove docker.WORKDIR of app"));
    QCOMPARE(f.undoCount(), 6);
    QVERIFY(f.document()->project().ok());
}

void tst_PropertyEditor::gitMapping()
{
    Fixture f;
    QVERIFY(f.open());
    f.select(QStringLiteral("base"), StageId::GitArchive);
    commitLine(f.field<QLineEdit>(QStringLiteral("field:git[0].to")), QStringLiteral("/srv"));
    QByteArray expected = replaced(projectText,
                                   "  to: /src\n---\nimage: app",
                                   "  to: /srv\n---\nimage: app");
    QCOMPARE(f.document()->text(), expected);
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:git[0].includePaths:new")),
               QStringLiteral("src"));
    expected = replaced(expected, "  to: /srv\n", "  to: /srv\n  includePaths:\n  - src\n");
    QCOMPARE(f.document()->text(), expected);
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:git[0].stageDependencies.install:new")),
               QStringLiteral("go.sum"));
    expected = replaced(expected,
                        "  - src\n",
                        "  - src\n  stageDependencies:\n    install:\n    - go.sum\n");
    QCOMPARE(f.document()->text(), expected);
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:git[0].owner")), QStringLiteral("app"));
    expected = replaced(expected, "    - go.sum\n", "    - go.sum\n  owner: app\n");
    QCOMPARE(f.document()->text(), expected);
    // A second mapping.
    f.editor()->rebuildNow();
    f.field<QLineEdit>(QStringLiteral("git:new:add"))->setText(QStringLiteral("/docs"));
    f.field<QLineEdit>(QStringLiteral("git:new:to"))->setText(QStringLiteral("/usr/share/doc"));
    f.field<QPushButton>(QStringLiteral("git:new:button"))->click();
    expected = replaced(expected,
                        "  owner: app\n",
                        "  owner: app\n- add: /docs\n  to: /usr/share/doc\n");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.undoText(), QStringLiteral("Add git mapping /docs → /usr/share/doc to base"));
    QCOMPARE(f.undoCount(), 5);
    QVERIFY2(f.document()->project().ok(),
             qPrintable(f.document()->project().diagnostics.value(0).toString()));
}

void tst_PropertyEditor::imports()
{
    Fixture f;
    QVERIFY(f.open());
    f.select(QStringLiteral("tools"), StageId::ImportsAfterInstall);
    commitLine(f.field<QLineEdit>(QStringLiteral("field:import[0].to")), QStringLiteral("/go/src"));
    QByteArray expected = replaced(projectText,
                                   "  add: /src\n  after: install\n",
                                   "  add: /src\n  after: install\n  to: /go/src\n");
    QCOMPARE(f.document()->text(), expected);
    // before/after: `after: install` → `before: setup` in place.
    f.editor()->rebuildNow();
    auto *place = f.field<QComboBox>(QStringLiteral("field:import[0].place"));
    QVERIFY(place);
    QCOMPARE(place->currentText(), QStringLiteral("after: install"));
    const int beforeSetup = place->findText(QStringLiteral("before: setup"));
    place->setCurrentIndex(beforeSetup);
    emit place->activated(beforeSetup);
    expected = replaced(expected, "  after: install\n  to:", "  before: setup\n  to:");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.undoText(), QStringLiteral("Import at before setup in tools"));
    // The source stage.
    f.select(QStringLiteral("tools"), StageId::ImportsBeforeSetup);
    auto *stage = f.field<QComboBox>(QStringLiteral("field:import[0].stage"));
    QVERIFY(stage);
    const int install = stage->findText(QStringLiteral("install"));
    stage->setCurrentIndex(install);
    emit stage->activated(install);
    expected = replaced(expected, "  to: /go/src\n", "  to: /go/src\n  stage: install\n");
    QCOMPARE(f.document()->text(), expected);
    // excludePaths and group.
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:import[0].excludePaths:new")),
               QStringLiteral("*.md"));
    expected = replaced(expected,
                        "  stage: install\n",
                        "  stage: install\n  excludePaths:\n  - \"*.md\"\n");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.undoCount(), 4);
    QVERIFY2(f.document()->project().ok(),
             qPrintable(f.document()->project().diagnostics.value(0).toString()));
    // A new import from the panel.
    f.select(QStringLiteral("app"), StageId::Install);
    f.select(QStringLiteral("app"));
    auto *source = f.field<QComboBox>(QStringLiteral("import:new:source"));
    QVERIFY(source);
    source->setCurrentIndex(source->findText(QStringLiteral("artifact tools")));
    f.field<QLineEdit>(QStringLiteral("import:new:add"))->setText(QStringLiteral("/go/bin/tool"));
    f.field<QLineEdit>(QStringLiteral("import:new:to"))
            ->setText(QStringLiteral("/usr/local/bin/tool"));
    f.field<QPushButton>(QStringLiteral("import:new:button"))->click();
    expected = replaced(expected,
                        "    TZ: UTC\n",
                        "    TZ: UTC\nimport:\n- artifact: tools\n  add: /go/bin/tool\n"
                        "  to: /usr/local/bin/tool\n  after: install\n");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.undoText(), QStringLiteral("Import tools into app"));
}

void tst_PropertyEditor::mounts()
{
    Fixture f;
    QVERIFY(f.open());
    f.select(QStringLiteral("app"));
    f.field<QLineEdit>(QStringLiteral("mount:new:to"))->setText(QStringLiteral("/var/cache/apt"));
    f.field<QPushButton>(QStringLiteral("mount:new:button"))->click();
    QByteArray expected = replaced(projectText,
                                   "    TZ: UTC\n",
                                   "    TZ: UTC\nmount:\n- from: tmp_dir\n  to: /var/cache/apt\n");
    QCOMPARE(f.document()->text(), expected);
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:mount[0].from")),
               QStringLiteral("build_dir"));
    expected = replaced(expected, "from: tmp_dir", "from: build_dir");
    QCOMPARE(f.document()->text(), expected);
    f.editor()->rebuildNow();
    f.field<QPushButton>(QStringLiteral("mount[0]:remove"))->click();
    QCOMPARE(f.document()->text(), projectText);
    QCOMPARE(f.undoCount(), 3);
}

void tst_PropertyEditor::dockerfileImage()
{
    Fixture f;
    QVERIFY(f.open());
    f.select(QStringLiteral("web"));
    commitLine(f.field<QLineEdit>(QStringLiteral("field:target")), QStringLiteral("runtime"));
    QByteArray expected = projectText + "target: runtime\n";
    QCOMPARE(f.document()->text(), expected);
    f.editor()->rebuildNow();
    f.field<QLineEdit>(QStringLiteral("field:args:newKey"))->setText(QStringLiteral("VERSION"));
    f.field<QLineEdit>(QStringLiteral("field:args:newValue"))->setText(QStringLiteral("1.0"));
    f.field<QPushButton>(QStringLiteral("field:args:add"))->click();
    expected += "args:\n  VERSION: \"1.0\"\n";
    QCOMPARE(f.document()->text(), expected);
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:addHost:new")),
               QStringLiteral("db:10.0.0.5"));
    expected += "addHost:\n- db:10.0.0.5\n";
    QCOMPARE(f.document()->text(), expected);
    f.editor()->rebuildNow();
    commitLine(f.field<QLineEdit>(QStringLiteral("field:context")), QStringLiteral("."));
    expected = replaced(expected, "context: web\n", "context: .\n");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.undoCount(), 4);
}

void tst_PropertyEditor::renameDockerfileImage()
{
    // A Dockerfile image's name: row renames it like a stapel image's.
    Fixture f;
    QVERIFY(f.open());
    f.select(QStringLiteral("web"));
    QLineEdit *name = f.field<QLineEdit>(QStringLiteral("field:name"));
    QVERIFY(name);
    QVERIFY(!name->isReadOnly());
    commitLine(name, QStringLiteral("site"));
    QCOMPARE(f.document()->text(), replaced(projectText, "image: web\n", "image: site\n"));
    QCOMPARE(f.undoText(), QStringLiteral("Rename web to site"));
    f.editor()->rebuildNow();
    QCOMPARE(f.editor()->target().name, QStringLiteral("site"));
    QCOMPARE(f.field<QLineEdit>(QStringLiteral("field:name"))->text(), QStringLiteral("site"));
}

void tst_PropertyEditor::invalidResultIsAProblem()
{
    // werf refuses a relative `to`: the edit is applied and the Problems list says why.
    Fixture f;
    QVERIFY(f.open());
    f.select(QStringLiteral("base"), StageId::GitArchive);
    commitLine(f.field<QLineEdit>(QStringLiteral("field:git[0].to")), QStringLiteral("src"));
    QVERIFY(f.document()->text().contains("  to: src\n"));
    QCOMPARE(f.undoCount(), 1);
    QVERIFY(!f.document()->project().ok());
    QVERIFY(f.editor()->lastError().isEmpty());
    bool reported = false;
    for (const Diagnostic &d : f.document()->project().diagnostics)
        reported |= d.severity == Severity::Error
                    && d.message.contains(QStringLiteral("absolute path required"));
    QVERIFY(reported);
    // The Problems list shows it.
    auto *problems = f.window.findChild<QAbstractItemView *>(QStringLiteral("problemsView"));
    QVERIFY(problems);
    bool listed = false;
    QAbstractItemModel *m = problems->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        for (int c = 0; c < m->columnCount(); ++c)
            listed |= m->index(r, c).data().toString().contains(
                    QStringLiteral("absolute path required"));
    }
    QVERIFY(listed);
}

void tst_PropertyEditor::refusedEditSaysWhere()
{
    // An edit inside an alias would change every user of the anchor: refused, and the panel
    // and the status bar name both places.
    const QByteArray aliased = "project: demo\n"
                               "configVersion: 1\n"
                               "---\n"
                               "image: a\n"
                               "from: alpine:3.19\n"
                               "shell:\n"
                               "  beforeInstall: &cmds\n"
                               "  - apk add make\n"
                               "  install: *cmds\n";
    Fixture f;
    QVERIFY(f.open(aliased));
    f.select(QStringLiteral("a"), StageId::Install);
    auto *items = f.field<QListWidget>(QStringLiteral("field:shell.install:items"));
    QVERIFY(items && items->count() == 1);
    items->item(0)->setText(QStringLiteral("make"));
    QCOMPARE(f.document()->text(), aliased);
    QCOMPARE(f.undoCount(), 0);
    QVERIFY2(f.editor()->lastError().contains(QStringLiteral("werf.yaml:9:12")),
             qPrintable(f.editor()->lastError()));
    QVERIFY(f.editor()->lastError().contains(QStringLiteral("werf.yaml:7:18")));
    auto *message = f.field<QLabel>(QStringLiteral("propertyEditorMessage"));
    QVERIFY(message && !message->isHidden());
    QCOMPARE(message->text(), f.editor()->lastError());
    QVERIFY(f.window.statusBar()->currentMessage().contains(QStringLiteral("alias *cmds")));
    // At the anchored node itself the edit is made (and install follows it).
    f.select(QStringLiteral("a"), StageId::BeforeInstall);
    items = f.field<QListWidget>(QStringLiteral("field:shell.beforeInstall:items"));
    QVERIFY(items && items->count() == 1);
    items->item(0)->setText(QStringLiteral("apk add make gcc"));
    QCOMPARE(f.document()->text(), replaced(aliased, "- apk add make", "- apk add make gcc"));
    QVERIFY(f.editor()->lastError().isEmpty());
    QCOMPARE(f.document()->project().config.images.first().shell.install.value,
             QStringList{QStringLiteral("apk add make gcc")});
}

void tst_PropertyEditor::templateOutputIsReadOnly()
{
    const QByteArray templated = "{{ $base := \"alpine:3.19\" }}\n"
                                 "project: demo\n"
                                 "configVersion: 1\n"
                                 "---\n"
                                 "image: app\n"
                                 "from: {{ $base }}\n"
                                 "docker:\n"
                                 "  WORKDIR: /app\n";
    Fixture f;
    QVERIFY(f.open(templated));
    QVERIFY(f.document()->project().ok());
    f.select(QStringLiteral("app"));
    auto *from = f.field<QComboBox>(QStringLiteral("field:from"));
    QVERIFY(from);
    QCOMPARE(from->currentText(), QStringLiteral("alpine:3.19"));
    QVERIFY(!from->isEnabled());
    QVERIFY2(from->toolTip().contains(QStringLiteral("{{ $base }}")), qPrintable(from->toolTip()));
    auto *reason = f.field<QLabel>(QStringLiteral("field:from:reason"));
    QVERIFY(reason);
    QVERIFY(reason->text().contains(QStringLiteral("werf.yaml:6:7")));
    // The literal next to it stays editable.
    f.select(QStringLiteral("app"), StageId::DockerInstructions);
    auto *workdir = f.field<QLineEdit>(QStringLiteral("field:docker.WORKDIR"));
    QVERIFY(workdir && !workdir->isReadOnly());
    commitLine(workdir, QStringLiteral("/srv"));
    QCOMPARE(f.document()->text(), replaced(templated, "WORKDIR: /app", "WORKDIR: /srv"));
}

QTEST_MAIN(tst_PropertyEditor)
#include "tst_propertyeditor.moc"
