// SPDX-License-Identifier: GPL-3.0-or-later
//
// The main window as an editor (offscreen): drag gestures write the right YAML, undo/redo go
// through the window's actions, typing re-parses and a broken edit keeps the last good graph,
// the recovery file is offered after a simulated crash, and an external change is noticed.
#include "conveyorscene.h"
#include "conveyorview.h"
#include "document/document.h"
#include "documentcontroller.h"
#include "edgeitem.h"
#include "imagenodeitem.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "models/settings.h"
#include "sourceview.h"
#include "stageitem.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QMouseEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <functional>

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
                               "---\n"
                               "artifact: tools\n"
                               "from: golang:1.22\n"
                               "import:\n"
                               "- image: base\n"
                               "  add: /src\n"
                               "  after: install\n";

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

int imageIndex(const Ui::ConveyorScene *scene, const QString &name)
{
    const Conveyor &c = scene->conveyor();
    for (int i = 0; i < c.images.size(); ++i) {
        if (c.images.at(i).name == name && c.images.at(i).kind != ImageKind::External)
            return i;
    }
    return -1;
}

/** A window with its controller on a fresh copy of projectText. */
struct Fixture
{
    QTemporaryDir dir;
    QSettings qsettings{dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat};
    Settings settings{qsettings};
    Ui::MainWindow window{settings};
    Ui::DocumentController *controller = new Ui::DocumentController(&window);
    QString path = dir.filePath(QStringLiteral("werf.yaml"));
    QStringList questions;
    QMessageBox::StandardButton answer = QMessageBox::Yes;

    Fixture()
    {
        controller->setAsker(
                [this](const QString &title, const QString &, QMessageBox::StandardButtons) {
                    questions << title;
                    return answer;
                });
    }
    bool open(const QByteArray &text = projectText)
    {
        return writeFile(path, text) && window.openPath(path);
    }
    Document *document() const { return controller->document(); }
    Ui::ConveyorScene *scene() const { return window.scene(); }
};

/** Drags an image node by its header and lets go over another image's stage. */
void dragOnto(Ui::ConveyorScene *scene, int source, int target, StageId stage)
{
    Ui::ImageNodeItem *node = scene->imageItem(source);
    Ui::StageItem *stageItem = scene->stageItem(target, stage);
    QVERIFY(node && stageItem);
    const QPointF drop = stageItem->sceneBoundingRect().center();
    // The node follows the mouse; what counts is where the mouse is let go.
    node->setPos(drop - QPointF(10, 10));
    scene->handleNodeDragFinished(source, drop);
}

/**
 * Answers the next modal dialog of type T once it is open: fill() may look at it and change
 * its fields, then it is accepted (or rejected). Polls, since the dialog opens from a queued
 * gesture inside the event loop of a QTRY_ macro.
 */
template<typename T>
void answerDialog(std::function<void(T *)> fill, bool accept = true, int *answered = nullptr)
{
    auto *timer = new QTimer(qApp);
    auto *deadline = new QElapsedTimer;
    deadline->start();
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, deadline, fill, accept, answered] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog && deadline->elapsed() < 10000)
            return;
        timer->stop();
        timer->deleteLater();
        delete deadline;
        if (!dialog)
            return;
        fill(dialog);
        if (answered)
            ++*answered;
        accept ? dialog->accept() : dialog->reject();
    });
    timer->start(10);
}

} // namespace

class tst_DocumentController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dropOnFromSetsFromImage();
    void dropOnStageAddsImport();
    void mouseDragOnFrom();
    void deleteImportEdge();
    void dropStageAsksForImport();
    void dropCancelled();
    void deleteFromImageEdge();
    void undoRedoActions();
    void imageOperations();
    void typingReparses();
    void saveAndDirtyMarker();
    void recoveryOffered();
    void externalChangeNoticed();
};

void tst_DocumentController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("stagecraft-tst-documentcontroller"));
}

void tst_DocumentController::dropOnFromSetsFromImage()
{
    Fixture f;
    QVERIFY(f.open());
    QSignalSpy drops(f.scene(), &Ui::ConveyorScene::imageDroppedOnStage);
    dragOnto(f.scene(),
             imageIndex(f.scene(), QStringLiteral("base")),
             imageIndex(f.scene(), QStringLiteral("app")),
             StageId::From);
    QTRY_COMPARE(drops.size(), 1);
    QByteArray expected = projectText;
    expected.replace("image: app\nfrom: alpine:3.19\n", "image: app\nfromImage: base\n");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.document()->undoStack()->count(), 1); // one gesture, one undo step
    QVERIFY(f.document()->project().ok());
    // The graph shows the new edge.
    const int app = imageIndex(f.scene(), QStringLiteral("app"));
    bool found = false;
    for (const ConveyorEdge &e : f.scene()->conveyor().edges)
        found |= e.kind == EdgeKind::FromImage && e.target == app
                 && f.scene()->conveyor().images.at(e.source).name == u"base";
    QVERIFY(found);
    QVERIFY(f.window.isWindowModified());
}

void tst_DocumentController::dropOnStageAddsImport()
{
    Fixture f;
    QVERIFY(f.open());
    QSignalSpy drops(f.scene(), &Ui::ConveyorScene::imageDroppedOnStage);
    // The dialog proposes `/` → `/` after install (the stage the node was dropped on); as
    // accepted, `to` equal to `add` is left out as werf would fill it.
    QString proposedAdd;
    answerDialog<Ui::ImportDialog>([&proposedAdd](Ui::ImportDialog *d) {
        proposedAdd = d->findChild<QLineEdit *>(QStringLiteral("importAdd"))->text();
    });
    dragOnto(f.scene(),
             imageIndex(f.scene(), QStringLiteral("tools")),
             imageIndex(f.scene(), QStringLiteral("app")),
             StageId::Install);
    QTRY_COMPARE(drops.size(), 1);
    QByteArray expected = projectText;
    expected.replace("  - make\n",
                     "  - make\nimport:\n- artifact: tools\n  add: /\n  after: install\n");
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(proposedAdd, QStringLiteral("/"));
    QVERIFY(f.document()->project().ok());
    // tools already imports base: this import closes a cycle. The edit is made and the cycle
    // shown as a problem, not refused.
    answerDialog<Ui::ImportDialog>([](Ui::ImportDialog *) {});
    dragOnto(f.scene(),
             imageIndex(f.scene(), QStringLiteral("tools")),
             imageIndex(f.scene(), QStringLiteral("base")),
             StageId::GitArchive);
    QTRY_COMPARE(drops.size(), 2);
    QVERIFY(f.document()->text().contains(
            "- add: /\n  to: /src\nimport:\n- artifact: tools\n  add: /\n  before: install\n"));
    QVERIFY(!f.document()->project().ok());
}

void tst_DocumentController::mouseDragOnFrom()
{
    // The same gesture with real mouse events on the view.
    Fixture f;
    QVERIFY(f.open());
    f.window.resize(1400, 900);
    f.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.window));
    Ui::ConveyorView *view = f.window.view();
    view->fitAll();
    const int base = imageIndex(f.scene(), QStringLiteral("base"));
    const int app = imageIndex(f.scene(), QStringLiteral("app"));
    Ui::ImageNodeItem *node = f.scene()->imageItem(base);
    Ui::StageItem *from = f.scene()->stageItem(app, StageId::From);
    QVERIFY(node && from);
    const QPointF grab = node->mapToScene(node->headerRect().topLeft() + QPointF(12, 8));
    const QPoint press = view->mapFromScene(grab);
    const QPoint release = view->mapFromScene(from->sceneBoundingRect().center());
    QWidget *viewport = view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, press);
    for (int step = 1; step <= 5; ++step) {
        const QPoint at = press + (release - press) * step / 5;
        QMouseEvent move(QEvent::MouseMove,
                         QPointF(at),
                         viewport->mapToGlobal(QPointF(at)),
                         Qt::NoButton,
                         Qt::LeftButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &move);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, release);
    QTRY_VERIFY(f.document()->text().contains("image: app\nfromImage: base\n"));
    QCOMPARE(f.document()->undoStack()->count(), 1);
}

void tst_DocumentController::deleteImportEdge()
{
    Fixture f;
    QVERIFY(f.open());
    Ui::EdgeItem *importEdge = nullptr;
    for (Ui::EdgeItem *e : f.scene()->edgeItems()) {
        if (f.scene()->conveyor().edges.at(e->edge()).kind == EdgeKind::Import)
            importEdge = e;
    }
    QVERIFY(importEdge);
    importEdge->setSelected(true);
    f.window.view()->setFocus();
    QTest::keyClick(f.window.view(), Qt::Key_Delete);
    QByteArray expected = projectText;
    expected.replace("import:\n- image: base\n  add: /src\n  after: install\n", "");
    QCOMPARE(f.document()->text(), expected);
    QVERIFY(f.document()->project().ok());
    for (const ConveyorEdge &e : f.scene()->conveyor().edges)
        QVERIFY(e.kind != EdgeKind::Import);
}

void tst_DocumentController::dropStageAsksForImport()
{
    // Dragged by app's install stage onto tools' importsAfterInstall stage: the dialog offers
    // `stage: install`; the user names what to copy and where.
    Fixture f;
    QVERIFY(f.open());
    QSignalSpy drops(f.scene(), &Ui::ConveyorScene::stageDroppedOnStage);
    QString offeredStage;
    QString offeredPlace;
    answerDialog<Ui::ImportDialog>([&](Ui::ImportDialog *d) {
        offeredStage = d->findChild<QComboBox *>(QStringLiteral("importStage"))->currentText();
        offeredPlace = d->findChild<QComboBox *>(QStringLiteral("importPlace"))->currentText();
        d->findChild<QLineEdit *>(QStringLiteral("importAdd"))
                ->setText(QStringLiteral("/usr/bin/app"));
        d->findChild<QLineEdit *>(QStringLiteral("importTo"))->setText(QStringLiteral("/opt/app"));
    });
    const int app = imageIndex(f.scene(), QStringLiteral("app"));
    const int tools = imageIndex(f.scene(), QStringLiteral("tools"));
    Ui::StageItem *install = f.scene()->stageItem(app, StageId::Install);
    Ui::StageItem *into = f.scene()->stageItem(tools, StageId::ImportsAfterInstall);
    QVERIFY(install && into);
    const QPointF drop = into->sceneBoundingRect().center();
    f.scene()->handleNodeDragFinished(app, drop, StageId::Install);
    QTRY_COMPARE(drops.size(), 1);
    QCOMPARE(offeredStage, QStringLiteral("install"));
    QCOMPARE(offeredPlace, QStringLiteral("after: install"));
    QByteArray expected = projectText;
    expected += "- image: app\n  add: /usr/bin/app\n  to: /opt/app\n  after: install\n"
                "  stage: install\n";
    QCOMPARE(f.document()->text(), expected);
    QVERIFY2(f.document()->project().ok(),
             qPrintable(f.document()->project().diagnostics.value(0).toString()));
    QCOMPARE(f.document()->undoStack()->count(), 1);
    QCOMPARE(f.document()->undoStack()->undoText(), QStringLiteral("Import app into tools"));
    // The import edge reads app's install stage.
    bool found = false;
    for (const ConveyorEdge &e : f.scene()->conveyor().edges)
        found |= e.kind == EdgeKind::Import && e.sourceStage == StageId::Install
                 && f.scene()->conveyor().images.at(e.source).name == u"app";
    QVERIFY(found);
}

void tst_DocumentController::dropCancelled()
{
    Fixture f;
    QVERIFY(f.open());
    QSignalSpy drops(f.scene(), &Ui::ConveyorScene::imageDroppedOnStage);
    int answered = 0;
    answerDialog<Ui::ImportDialog>([](Ui::ImportDialog *) {}, false, &answered);
    dragOnto(f.scene(),
             imageIndex(f.scene(), QStringLiteral("tools")),
             imageIndex(f.scene(), QStringLiteral("app")),
             StageId::Install);
    QTRY_COMPARE(drops.size(), 1);
    QTRY_COMPARE(answered, 1);
    QCOMPARE(f.document()->text(), projectText);
    QCOMPARE(f.document()->undoStack()->count(), 0);
    QCOMPARE(f.window.statusBar()->currentMessage(), QStringLiteral("Import cancelled"));
}

void tst_DocumentController::deleteFromImageEdge()
{
    // Delete on a fromImage edge: the image needs a base, so the user is asked for a `from:`
    // (proposed: what the former base is built on).
    Fixture f;
    QVERIFY(f.open());
    const int app = imageIndex(f.scene(), QStringLiteral("app"));
    const int base = imageIndex(f.scene(), QStringLiteral("base"));
    QVERIFY(f.controller->dropImageOnStage(base, app, StageId::From));
    QVERIFY(f.document()->text().contains("image: app\nfromImage: base\n"));
    auto selectFromImageEdge = [&f] {
        for (Ui::EdgeItem *e : f.scene()->edgeItems()) {
            const ConveyorEdge &edge = f.scene()->conveyor().edges.at(e->edge());
            e->setSelected(edge.kind == EdgeKind::FromImage);
        }
        f.window.view()->setFocus();
    };
    // Cancelled: nothing changes, the status says so.
    int answered = 0;
    answerDialog<QInputDialog>([](QInputDialog *) {}, false, &answered);
    selectFromImageEdge();
    QTest::keyClick(f.window.view(), Qt::Key_Delete);
    QCOMPARE(answered, 1);
    QVERIFY(f.document()->text().contains("image: app\nfromImage: base\n"));
    QCOMPARE(f.window.statusBar()->currentMessage(), QStringLiteral("The base of app was kept"));

    QString proposal;
    answerDialog<QInputDialog>([&proposal](QInputDialog *d) {
        proposal = d->textValue();
        d->setTextValue(QStringLiteral("alpine:3.20"));
    });
    selectFromImageEdge();
    QTest::keyClick(f.window.view(), Qt::Key_Delete);
    QCOMPARE(proposal, QStringLiteral("alpine:3.19"));
    QVERIFY(f.document()->text().contains("image: app\nfrom: alpine:3.20\n"));
    QCOMPARE(f.document()->undoStack()->count(), 2);
    QCOMPARE(f.document()->undoStack()->undoText(),
             QStringLiteral("Build app on alpine:3.20 instead of base"));
    for (const ConveyorEdge &e : f.scene()->conveyor().edges)
        QVERIFY(!(e.kind == EdgeKind::FromImage
                  && f.scene()->conveyor().images.at(e.target).name == u"app"));
    f.controller->undoAction()->trigger();
    QVERIFY(f.document()->text().contains("image: app\nfromImage: base\n"));
}

void tst_DocumentController::undoRedoActions()
{
    Fixture f;
    QVERIFY(f.open());
    const int app = imageIndex(f.scene(), QStringLiteral("app"));
    QVERIFY(f.controller->setDirective(app, QStringLiteral("docker.ENV.TZ"), QStringLiteral("UTC")));
    QVERIFY(f.controller->setDirective(imageIndex(f.scene(), QStringLiteral("app")),
                                       QStringLiteral("from"),
                                       QStringLiteral("alpine:3.20")));
    const QByteArray edited = f.document()->text();
    QVERIFY(edited.contains("  - make\ndocker:\n  ENV:\n    TZ: UTC\n"));
    QVERIFY(edited.contains("image: app\nfrom: alpine:3.20\n"));
    QVERIFY(f.controller->undoAction()->isEnabled());
    f.controller->undoAction()->trigger();
    f.controller->undoAction()->trigger();
    QCOMPARE(f.document()->text(), projectText);
    QVERIFY(!f.window.isWindowModified());
    QCOMPARE(f.window.sourceView()->toPlainText().toUtf8(), projectText);
    f.controller->redoAction()->trigger();
    f.controller->redoAction()->trigger();
    QCOMPARE(f.document()->text(), edited);
    QCOMPARE(f.window.sourceView()->toPlainText().toUtf8(), edited);
    QVERIFY(f.window.isWindowModified());
}

void tst_DocumentController::imageOperations()
{
    Fixture f;
    QVERIFY(f.open());
    QSignalSpy projects(f.document(), &Document::projectChanged);
    QVERIFY(f.controller->addImage(QStringLiteral("worker"), false, QStringLiteral("alpine:3.19")));
    QVERIFY(imageIndex(f.scene(), QStringLiteral("worker")) >= 0);
    QVERIFY(f.controller->duplicateImage(imageIndex(f.scene(), QStringLiteral("worker")),
                                         QStringLiteral("worker-2")));
    QVERIFY(f.controller->renameImage(imageIndex(f.scene(), QStringLiteral("base")),
                                      QStringLiteral("core")));
    QVERIFY(f.controller->setFromLatest(imageIndex(f.scene(), QStringLiteral("worker-2")), true));
    QVERIFY(f.controller->removeImage(imageIndex(f.scene(), QStringLiteral("worker"))));
    QVERIFY(f.document()->project().ok());
    QByteArray expected = projectText;
    expected.replace("image: base # the shared base", "image: core # the shared base");
    expected.replace("- image: base\n", "- image: core\n");
    expected += "---\nimage: worker-2\nfrom: alpine:3.19\nfromLatest: true\n"
                "herebyIAdmitThatFromLatestMightBreakReproducibility: true\n";
    QCOMPARE(f.document()->text(), expected);
    QCOMPARE(f.document()->undoStack()->count(), 5);
    // werf 1.1 syntax: final: false is refused with the reason, nothing changes.
    QVERIFY(!f.controller->toggleArtifactStyle(imageIndex(f.scene(), QStringLiteral("tools"))));
    QVERIFY(f.window.statusBar()->currentMessage().contains(QStringLiteral("newer syntax")));
    QCOMPARE(f.document()->text(), expected);
    QVERIFY(projects.size() >= 5);
}

void tst_DocumentController::typingReparses()
{
    Fixture f;
    QVERIFY(f.open());
    const int images = f.scene()->conveyor().images.size();
    Ui::SourceView *source = f.window.sourceView();
    QSignalSpy projects(f.document(), &Document::projectChanged);
    // Type a new image name into `image: app`.
    QTextCursor cursor = source->textCursor();
    cursor.setPosition(int(projectText.indexOf("image: app") + 10));
    source->setTextCursor(cursor);
    source->setFocus();
    QTest::keyClicks(source, QStringLiteral("2"));
    QVERIFY(f.document()->text().contains("image: app2\n"));
    QVERIFY(f.document()->reparsePending());
    QTRY_VERIFY(imageIndex(f.scene(), QStringLiteral("app2")) >= 0);
    // Break the YAML: the last good graph stays, the problem is shown.
    cursor.setPosition(int(f.document()->text().indexOf("from: golang")));
    source->setTextCursor(cursor);
    QTest::keyClicks(source, QStringLiteral("["));
    QTRY_VERIFY(!f.document()->project().ok() && !f.document()->reparsePending());
    QCOMPARE(f.scene()->conveyor().images.size(), images);
    QVERIFY(imageIndex(f.scene(), QStringLiteral("app2")) >= 0);
    QVERIFY(!f.document()->project().diagnostics.isEmpty());
    // Typing is one undo step per run of keys; undo restores the text.
    while (f.document()->undoStack()->canUndo())
        f.controller->undoAction()->trigger();
    QCOMPARE(f.document()->text(), projectText);
}

void tst_DocumentController::saveAndDirtyMarker()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.window.windowTitle().contains(QStringLiteral("[*]")));
    QVERIFY(!f.controller->saveAction()->isEnabled());
    QSignalSpy saved(&f.window, &Ui::MainWindow::projectSaved);
    QVERIFY(f.controller->setDirective(imageIndex(f.scene(), QStringLiteral("tools")),
                                       QStringLiteral("fromCacheVersion"),
                                       QStringLiteral("\"2\"")));
    QVERIFY(f.window.isWindowModified());
    QVERIFY(f.controller->saveAction()->isEnabled());
    f.controller->saveAction()->trigger();
    QCOMPARE(saved.size(), 1);
    QVERIFY(!f.window.isWindowModified());
    QCOMPARE(readFile(f.path), QByteArray(projectText + "fromCacheVersion: \"2\"\n"));
    // Save As writes the copy and moves the window to it.
    const QString other = f.dir.filePath(QStringLiteral("other/werf.yaml"));
    QDir().mkpath(f.dir.filePath(QStringLiteral("other")));
    QVERIFY(f.controller->saveAs(other));
    QCOMPARE(saved.size(), 2);
    QCOMPARE(readFile(other), readFile(f.path));
    QCOMPARE(f.document()->filePath(), other);
    // Closing with unsaved changes asks; Cancel keeps the window open.
    QVERIFY(f.controller->setDirective(imageIndex(f.scene(), QStringLiteral("tools")),
                                       QStringLiteral("fromCacheVersion"),
                                       QStringLiteral("\"3\"")));
    f.answer = QMessageBox::Cancel;
    f.window.show();
    QVERIFY(!f.window.close());
    QCOMPARE(f.questions.last(), QStringLiteral("Unsaved Changes"));
    f.answer = QMessageBox::Discard;
    QVERIFY(f.window.close());
}

void tst_DocumentController::recoveryOffered()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("werf.yaml"));
    QVERIFY(writeFile(path, projectText));
    QByteArray unsaved;
    {
        // The session that "crashes": edits, autosaves, and never saves or discards.
        Document crashed;
        QVERIFY(crashed.open(path));
        QVERIFY(crashed.apply(crashed.editor().setValue(EditTarget::image(QStringLiteral("app")),
                                                        QStringLiteral("from"),
                                                        QStringLiteral("alpine:edge")),
                              QStringLiteral("from")));
        QVERIFY(crashed.writeRecovery());
        unsaved = crashed.text();
    }
    Fixture f;
    f.path = path;
    f.answer = QMessageBox::Yes;
    QVERIFY(f.window.openPath(path));
    QCOMPARE(f.questions, QStringList{QStringLiteral("Recover Unsaved Changes")});
    QCOMPARE(f.document()->text(), unsaved);
    QVERIFY(f.window.isWindowModified());
    QCOMPARE(readFile(path), projectText); // nothing written until the user saves
    QCOMPARE(f.window.sourceView()->toPlainText().toUtf8(), unsaved);
    QVERIFY(f.controller->save());
    QVERIFY(!Document::recoveryFor(path));
}

void tst_DocumentController::externalChangeNoticed()
{
    Fixture f;
    QVERIFY(f.open());
    QByteArray theirs = projectText;
    theirs.replace("golang:1.22", "golang:1.23");
    QVERIFY(writeFile(f.path, theirs));
    QTRY_COMPARE(f.questions, QStringList{QStringLiteral("File Changed")});
    QCOMPARE(f.document()->text(), theirs); // answered Yes: reloaded
    QVERIFY(!f.window.isWindowModified());
    QVERIFY(f.window.sourceView()->toPlainText().contains(QStringLiteral("golang:1.23")));
}

QTEST_MAIN(tst_DocumentController)
#include "tst_documentcontroller.moc"
