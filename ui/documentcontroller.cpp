// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentcontroller.h"

#include "conveyor/stagekinds.h"
#include "conveyorscene.h"
#include "document/document.h"
#include "edgeitem.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "projectloader.h"
#include "propertiespanel.h"
#include "propertyeditor.h"
#include "sourceview.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>
#include <QTextDocument>
#include <QUndoStack>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

DocumentController::DocumentController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_document(new Document(this))
{
    m_window->setProjectLoader(
            [this](const QString &path, QString *error) -> std::optional<LoadedProject> {
                if (m_document->isModified() && !confirmDiscard()) {
                    *error = tr("Open cancelled: the unsaved changes were kept");
                    return std::nullopt;
                }
                m_opening = true;
                const bool opened = m_document->open(path, error);
                if (opened)
                    offerRecovery();
                m_opening = false;
                if (!opened)
                    return std::nullopt;
                LoadedProject shown = windowProject(m_document->project());
                shown.sourceText = m_document->text();
                return shown;
            });
    m_window->setCloseGuard([this] { return !m_document->isModified() || confirmDiscard(); });

    connect(m_document, &Document::projectChanged, this, [this] {
        if (!m_opening)
            showDocumentProject();
    });
    connect(m_document, &Document::textChanged, this, [this] {
        // Undo/redo and visual edits show their text at once; typed text is already there.
        if (!m_opening && !m_fromEditor)
            m_window->sourceView()->setSource(QFileInfo(m_document->filePath()).fileName(),
                                              m_document->text());
    });
    connect(m_document, &Document::modifiedChanged, m_window, &QWidget::setWindowModified);
    connect(m_document, &Document::changedOnDisk, this, &DocumentController::handleChangedOnDisk);
    connect(m_document, &Document::saved, m_window, &MainWindow::projectSaved);

    SourceView *source = m_window->sourceView();
    source->setEditable(true);
    connect(source, &SourceView::textEdited, this, &DocumentController::handleEditorText);

    ConveyorScene *scene = m_window->scene();
    connect(scene, &ConveyorScene::imageDroppedOnStage, this, &DocumentController::dropImageOnStage);
    connect(scene, &ConveyorScene::stageDroppedOnStage, this, &DocumentController::dropStageOnStage);
    connect(scene, &ConveyorScene::edgeDeleteRequested, this, &DocumentController::deleteEdge);
    connect(scene, &ConveyorScene::currentChanged, this, &DocumentController::updateEditorDock);

    // The properties panel's editable fields follow what the panel shows.
    PropertiesPanel *panel = m_window->propertiesPanel();
    m_propertyEditor = new PropertyEditor(m_document, *m_window->conveyorModel(), panel);
    panel->setEditor(m_propertyEditor);
    connect(panel, &PropertiesPanel::selectionShown, m_propertyEditor, [this](int image, int stage) {
        m_propertyEditor->showSelection(image,
                                        stage >= 0 ? std::optional<StageId>(StageId(stage))
                                                   : std::nullopt);
    });
    connect(m_propertyEditor, &PropertyEditor::editRefused, this, &DocumentController::setStatus);
    // A selected edge shows the fields where it acts: the import, or the target's base image.
    connect(scene, &QGraphicsScene::selectionChanged, m_propertyEditor, [this] {
        const QList<QGraphicsItem *> selected = m_window->scene()->selectedItems();
        if (selected.size() != 1)
            return;
        if (auto *edge = qgraphicsitem_cast<EdgeItem *>(selected.first())) {
            const Conveyor &c = m_window->scene()->conveyor();
            if (edge->edge() >= 0 && edge->edge() < c.edges.size()) {
                const ConveyorEdge &e = c.edges.at(edge->edge());
                m_propertyEditor->showSelection(e.target, e.targetStage);
            }
        }
    });

    installMenus();
    createEditorDock();
}

DocumentController::~DocumentController() = default;

void DocumentController::installMenus()
{
    QUndoStack *stack = m_document->undoStack();
    m_undoAction = stack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_redoAction = stack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_saveAction = new QAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    m_saveAsAction = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")),
                                 tr("Save &As…"),
                                 this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    m_saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    connect(m_saveAction, &QAction::triggered, this, [this] { save(); });
    connect(m_saveAsAction, &QAction::triggered, this, [this] { saveAs(); });
    m_saveAction->setEnabled(false);
    connect(m_document, &Document::modifiedChanged, m_saveAction, &QAction::setEnabled);

    auto *file = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"));
    if (file) {
        QList<QAction *> actions = file->actions();
        // After Open/Open Directory/Recent/Reload: before the export separator.
        QAction *before = actions.size() > 4 ? actions.at(4) : nullptr;
        file->insertAction(before, m_saveAction);
        file->insertAction(before, m_saveAsAction);
    }
    auto *view = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    auto *edit = new QMenu(tr("&Edit"), m_window->menuBar());
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    m_window->menuBar()->insertMenu(view ? view->menuAction() : nullptr, edit);
    // The shortcuts work wherever the focus is in the window.
    m_window->addAction(m_undoAction);
    m_window->addAction(m_redoAction);
    m_window->addAction(m_saveAction);
    m_window->addAction(m_saveAsAction);
}

void DocumentController::createEditorDock()
{
    auto *panel = new QWidget;
    auto *form = new QFormLayout(panel);
    m_editorTarget = new QLabel(tr("(meta document)"));
    m_editorPath = new QLineEdit;
    m_editorPath->setObjectName(QStringLiteral("directivePath"));
    m_editorPath->setPlaceholderText(tr("e.g. from, shell.install, docker.ENV.TZ, import[0].to"));
    m_editorValue = new QLineEdit;
    m_editorValue->setObjectName(QStringLiteral("directiveValue"));
    m_editorValue->setPlaceholderText(tr("a YAML flow value: alpine:3.19, [a, b], \"x y\""));
    auto *buttons = new QHBoxLayout;
    auto *set = new QPushButton(tr("Set"));
    auto *remove = new QPushButton(tr("Remove"));
    buttons->addWidget(set);
    buttons->addWidget(remove);
    buttons->addStretch();
    form->addRow(tr("Image:"), m_editorTarget);
    form->addRow(tr("Directive:"), m_editorPath);
    form->addRow(tr("Value:"), m_editorValue);
    form->addRow(buttons);
    connect(set, &QPushButton::clicked, this, [this] {
        setDirective(m_window->scene()->currentImage(), m_editorPath->text(), m_editorValue->text());
    });
    connect(m_editorValue, &QLineEdit::returnPressed, set, &QPushButton::click);
    connect(remove, &QPushButton::clicked, this, [this] {
        unsetDirective(m_window->scene()->currentImage(), m_editorPath->text());
    });
    // Image operations; names are asked for in a dialog.
    // Two columns, so that the dock (a tab behind the properties) is not held wide by one long
    // row of buttons.
    auto *imageButtons = new QGridLayout;
    auto *addButton = new QPushButton(tr("Add Image…"));
    auto *renameButton = new QPushButton(tr("Rename…"));
    auto *duplicateButton = new QPushButton(tr("Duplicate…"));
    auto *removeButton = new QPushButton(tr("Delete Image"));
    auto *artifactButton = new QPushButton(tr("Artifact ↔ final: false"));
    auto *latestButton = new QPushButton(tr("Toggle fromLatest"));
    const QList<QPushButton *> imageActions{addButton,
                                            renameButton,
                                            duplicateButton,
                                            removeButton,
                                            artifactButton,
                                            latestButton};
    for (int i = 0; i < imageActions.size(); ++i)
        imageButtons->addWidget(imageActions.at(i), i / 2, i % 2);
    form->addRow(imageButtons);
    auto current = [this] { return m_window->scene()->currentImage(); };
    auto askName = [this](const QString &title, const QString &initial) {
        bool ok = false;
        const QString name = QInputDialog::getText(m_window,
                                                   title,
                                                   tr("Name:"),
                                                   QLineEdit::Normal,
                                                   initial,
                                                   &ok);
        return ok ? name.trimmed() : QString();
    };
    connect(addButton, &QPushButton::clicked, this, [this, askName] {
        const QString name = askName(tr("Add Image"), QString());
        if (!name.isEmpty())
            addImage(name, false, QStringLiteral("alpine:3.19"));
    });
    connect(renameButton, &QPushButton::clicked, this, [this, current, askName] {
        const QString name = askName(tr("Rename Image"), targetOf(current()).name);
        if (!name.isEmpty())
            renameImage(current(), name);
    });
    connect(duplicateButton, &QPushButton::clicked, this, [this, current, askName] {
        const QString name = askName(tr("Duplicate Image"), targetOf(current()).name + u"-copy");
        if (!name.isEmpty())
            duplicateImage(current(), name);
    });
    connect(removeButton, &QPushButton::clicked, this, [this, current] { removeImage(current()); });
    connect(artifactButton, &QPushButton::clicked, this, [this, current] {
        toggleArtifactStyle(current());
    });
    connect(latestButton, &QPushButton::clicked, this, [this, current] {
        const int image = current();
        const StapelImage *config = nullptr;
        for (const StapelImage &i : m_document->project().config.images) {
            if (image >= 0 && i.name == m_window->scene()->conveyor().images.value(image).name)
                config = &i;
        }
        setFromLatest(image, !(config && config->fromLatest.value));
    });

    auto *dock = new QDockWidget(tr("Edit Directive"), m_window);
    dock->setObjectName(QStringLiteral("directiveDock"));
    // Scrolls rather than holding the dock wide in a long translation or at 200 %.
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(panel);
    dock->setWidget(scroll);
    // The properties panel edits fields: the raw directive editor is a tab behind it.
    m_window->addPanelDock(Qt::RightDockWidgetArea, dock);
}

void DocumentController::updateEditorDock()
{
    const int image = m_window->scene()->currentImage();
    const Conveyor &conveyor = m_window->scene()->conveyor();
    if (image < 0 || image >= conveyor.images.size()
        || conveyor.images.at(image).kind == ImageKind::External)
        m_editorTarget->setText(tr("(meta document)"));
    else
        m_editorTarget->setText(conveyor.images.at(image).displayName());
}

void DocumentController::showDocumentProject()
{
    const Model::LoadedProject &current = m_document->project();
    // A broken edit keeps the last good graph and shows the new problems.
    const bool useCurrent = current.ok() || !m_document->hasGoodProject();
    const Model::LoadedProject &shown = useCurrent ? current : m_document->lastGoodProject();
    // Only what showProject() takes: windowProject() would also compute the stage inputs.
    m_window->showProject(m_document->filePath(),
                          m_document->text(),
                          shown.conveyor,
                          current.diagnostics,
                          readDockerfiles(shown));
    m_window->setWindowModified(m_document->isModified());
}

void DocumentController::handleEditorText()
{
    QString text = m_window->sourceView()->document()->toRawText();
    text.replace(QChar::ParagraphSeparator, u'\n');
    m_fromEditor = true;
    m_document->typeEditorText(text);
    m_fromEditor = false;
}

QMessageBox::StandardButton DocumentController::ask(const QString &title,
                                                    const QString &text,
                                                    QMessageBox::StandardButtons buttons)
{
    if (m_ask)
        return m_ask(title, text, buttons);
    return QMessageBox::question(m_window, title, text, buttons);
}

void DocumentController::setStatus(const QString &message)
{
    m_window->statusBar()->showMessage(message, 10000);
}

bool DocumentController::confirmDiscard()
{
    const QMessageBox::StandardButton answer = ask(tr("Unsaved Changes"),
                                                   tr("%1 has unsaved changes. Save them?")
                                                           .arg(QDir::toNativeSeparators(
                                                                   m_document->filePath())),
                                                   QMessageBox::Save | QMessageBox::Discard
                                                           | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        m_document->discardRecovery();
        return true;
    }
    return false;
}

void DocumentController::offerRecovery()
{
    const std::optional<QByteArray> recovered = Document::recoveryFor(m_document->filePath());
    if (!recovered)
        return;
    if (*recovered == m_document->fileBytes()) {
        m_document->discardRecovery();
        return;
    }
    const QMessageBox::StandardButton answer
            = ask(tr("Recover Unsaved Changes"),
                  tr("Stagecraft was not closed properly while %1 had unsaved changes. Recover "
                     "them?")
                          .arg(QDir::toNativeSeparators(m_document->filePath())),
                  QMessageBox::Yes | QMessageBox::No);
    if (answer == QMessageBox::Yes)
        m_document->restoreRecovery();
    else
        m_document->discardRecovery();
}

void DocumentController::handleChangedOnDisk()
{
    const QString text = m_document->isModified()
                                 ? tr("%1 was changed by another program. Reload it and lose "
                                      "your unsaved changes?")
                                 : tr("%1 was changed by another program. Reload it?");
    const QMessageBox::StandardButton answer = ask(tr("File Changed"),
                                                   text.arg(QDir::toNativeSeparators(
                                                           m_document->filePath())),
                                                   QMessageBox::Yes | QMessageBox::No);
    if (answer != QMessageBox::Yes) {
        setStatus(tr("%1 was changed by another program; saving will ask before overwriting it")
                          .arg(QDir::toNativeSeparators(m_document->filePath())));
        return;
    }
    QString error;
    if (!m_document->reloadFromDisk(&error))
        setStatus(error);
}

bool DocumentController::save()
{
    QString error;
    if (m_document->save(&error))
        return true;
    if (m_document->isChangedOnDisk()) {
        const QMessageBox::StandardButton answer
                = ask(tr("File Changed"),
                      tr("%1 was changed by another program since it was read. Overwrite it?")
                              .arg(QDir::toNativeSeparators(m_document->filePath())),
                      QMessageBox::Yes | QMessageBox::No);
        if (answer == QMessageBox::Yes && m_document->save(&error, true))
            return true;
        if (answer != QMessageBox::Yes)
            return false;
    }
    setStatus(error);
    if (m_window->isVisible())
        QMessageBox::warning(m_window, tr("Save"), error);
    return false;
}

bool DocumentController::saveAs(const QString &path)
{
    QString target = path;
    if (target.isEmpty())
        target = QFileDialog::getSaveFileName(m_window,
                                              tr("Save As"),
                                              m_document->filePath(),
                                              tr("werf config (werf.yaml werf.yml *.yaml *.yml)"));
    if (target.isEmpty())
        return false;
    QString error;
    if (!m_document->saveAs(target, &error)) {
        setStatus(error);
        return false;
    }
    return true;
}

bool DocumentController::applyEdit(const EditResult &result, const QString &text)
{
    QString error;
    if (!m_document->apply(result, text, &error)) {
        setStatus(error);
        return false;
    }
    return true;
}

EditTarget DocumentController::targetOf(int image) const
{
    const Conveyor &conveyor = m_window->scene()->conveyor();
    if (image < 0 || image >= conveyor.images.size())
        return EditTarget::image(QString());
    const QString name = conveyor.images.at(image).name;
    return EditTarget::image(name.isEmpty() ? QStringLiteral("~") : name);
}

bool DocumentController::setDirective(int image, const QString &path, const QString &value)
{
    const Conveyor &conveyor = m_window->scene()->conveyor();
    if (image >= conveyor.images.size() || path.isEmpty())
        return false;
    // No image selected: the meta document (project, cleanup, deploy, ...).
    const EditTarget target = image < 0 ? EditTarget::metaDocument() : targetOf(image);
    const QString name = image < 0 ? tr("the meta document")
                                   : conveyor.images.at(image).displayName();
    const EditResult r = m_document->editor().setValue(target, path, value);
    return applyEdit(r, tr("Set %1 of %2").arg(path, name));
}

bool DocumentController::unsetDirective(int image, const QString &path)
{
    const Conveyor &conveyor = m_window->scene()->conveyor();
    if (image >= conveyor.images.size() || path.isEmpty())
        return false;
    const EditTarget target = image < 0 ? EditTarget::metaDocument() : targetOf(image);
    const QString name = image < 0 ? tr("the meta document")
                                   : conveyor.images.at(image).displayName();
    const EditResult r = m_document->editor().unset(target, path);
    return applyEdit(r, tr("Remove %1 of %2").arg(path, name));
}

bool DocumentController::addImage(const QString &name, bool artifact, const QString &base)
{
    return applyEdit(m_document->editor().addImage(name, artifact, base),
                     artifact ? tr("Add Artifact %1").arg(name) : tr("Add Image %1").arg(name));
}

bool DocumentController::renameImage(int image, const QString &newName)
{
    if (image < 0)
        return false;
    const EditTarget t = targetOf(image);
    return applyEdit(m_document->editor().renameImage(t, newName),
                     tr("Rename %1 to %2").arg(t.name, newName));
}

bool DocumentController::duplicateImage(int image, const QString &newName)
{
    if (image < 0)
        return false;
    const EditTarget t = targetOf(image);
    return applyEdit(m_document->editor().duplicateImage(t, newName),
                     tr("Duplicate %1 as %2").arg(t.name, newName));
}

bool DocumentController::removeImage(int image)
{
    if (image < 0)
        return false;
    const EditTarget t = targetOf(image);
    return applyEdit(m_document->editor().removeImage(t), tr("Delete %1").arg(t.name));
}

bool DocumentController::toggleArtifactStyle(int image)
{
    if (image < 0)
        return false;
    const EditTarget t = targetOf(image);
    const bool isArtifactKey = m_document->project().config.findArtifact(t.name == u"~" ? QString()
                                                                                        : t.name)
                               != nullptr;
    return applyEdit(m_document->editor().setArtifactStyle(t, isArtifactKey),
                     isArtifactKey ? tr("Make %1 an image with final: false").arg(t.name)
                                   : tr("Make %1 an artifact").arg(t.name));
}

bool DocumentController::setFromLatest(int image, bool enabled)
{
    if (image < 0)
        return false;
    const EditTarget t = targetOf(image);
    return applyEdit(m_document->editor().setFromLatest(t, enabled),
                     enabled ? tr("Use the latest base of %1").arg(t.name)
                             : tr("Stop using the latest base of %1").arg(t.name));
}

namespace {

/** before/after of an import that acts at a stage of the target. */
std::pair<QString, QString> importPlace(StageId stage)
{
    switch (stage) {
    case StageId::From:
    case StageId::BeforeInstall:
    case StageId::ImportsBeforeInstall:
    case StageId::GitArchive:
        return {QStringLiteral("install"), {}};
    case StageId::Install:
    case StageId::ImportsAfterInstall:
        return {{}, QStringLiteral("install")};
    case StageId::BeforeSetup:
    case StageId::ImportsBeforeSetup:
        return {QStringLiteral("setup"), {}};
    default:
        return {{}, QStringLiteral("setup")};
    }
}

} // namespace

bool DocumentController::dropImageOnStage(int source, int target, StageId stage)
{
    return importGesture(source, target, stage, std::nullopt);
}

bool DocumentController::dropStageOnStage(int source, StageId sourceStage, int target, StageId stage)
{
    return importGesture(source, target, stage, sourceStage);
}

bool DocumentController::importGesture(int source,
                                       int target,
                                       StageId stage,
                                       std::optional<StageId> sourceStage)
{
    const Conveyor &conveyor = m_window->scene()->conveyor();
    if (source < 0 || target < 0 || source >= conveyor.images.size()
        || target >= conveyor.images.size() || source == target)
        return false;
    // Copies: each edit re-parses and gives the scene a new conveyor.
    const ConveyorImage from = conveyor.images.at(source);
    const ConveyorImage to = conveyor.images.at(target);
    if (to.kind != ImageKind::Image && to.kind != ImageKind::Artifact) {
        setStatus(tr("%1 is not a stapel image: it takes no fromImage or imports")
                          .arg(to.displayName()));
        return false;
    }
    const Model::LoadedProject &project = m_document->project();
    const EditTarget t = targetOf(target);
    const bool sourceIsArtifactKey = project.config.findArtifact(from.name) != nullptr;
    if (stage == StageId::From) {
        // The base becomes the dropped image; the other base directives go.
        const QString key = from.kind == ImageKind::External ? QStringLiteral("from")
                            : sourceIsArtifactKey            ? QStringLiteral("fromImageArtifact")
                                                             : QStringLiteral("fromImage");
        return applyEdit(m_document->editor().setBaseImage(t, key, from.name),
                         tr("Build %1 on %2").arg(to.displayName(), from.displayName()));
    }
    if (from.kind != ImageKind::Image && from.kind != ImageKind::Artifact) {
        setStatus(tr("only stapel images and artifacts can be imported from"));
        return false;
    }
    ImportSpec spec;
    (sourceIsArtifactKey ? spec.artifact : spec.image) = from.name;
    // A proposal the user confirms: werf requires `add`. The source's first git mapping is
    // the likely result of a build; the root otherwise.
    spec.add = QStringLiteral("/");
    for (const StapelImage &i : project.config.images) {
        if (i.name == from.name && !i.git.isEmpty() && i.git.first().to.present)
            spec.add = i.git.first().to.value;
    }
    spec.to = spec.add;
    std::tie(spec.before, spec.after) = importPlace(stage);
    // Dragged by one of the source's user stages: the import reads that stage.
    if (sourceStage && isUserStage(*sourceStage))
        spec.stage = stageName(*sourceStage);
    ImportDialog dialog(spec, from.displayName(), to.displayName(), m_window);
    if (dialog.exec() != QDialog::Accepted) {
        setStatus(tr("Import cancelled"));
        return false;
    }
    return applyEdit(m_document->editor().addImport(t, dialog.spec()),
                     tr("Import %1 into %2").arg(from.displayName(), to.displayName()));
}

bool DocumentController::deleteEdge(int edge)
{
    const Conveyor &conveyor = m_window->scene()->conveyor();
    if (edge < 0 || edge >= conveyor.edges.size())
        return false;
    const ConveyorEdge e = conveyor.edges.at(edge);
    if (e.target < 0 || e.target >= conveyor.images.size() || e.source < 0
        || e.source >= conveyor.images.size())
        return false;
    const ConveyorImage target = conveyor.images.at(e.target);
    const ConveyorImage source = conveyor.images.at(e.source);
    const EditTarget t = targetOf(e.target);
    if (e.kind == EdgeKind::FromImage || e.kind == EdgeKind::FromImageArtifact
        || e.kind == EdgeKind::FromExternal) {
        // Every stapel image needs a base: deleting the edge means building on something else.
        // The proposal is what the source itself is built on (its `from:`), when it has one.
        QString proposal;
        for (const StapelImage &image : m_document->project().config.images) {
            if (image.name == source.name && image.from.present)
                proposal = image.from.value;
        }
        bool ok = false;
        const QString base
                = QInputDialog::getText(m_window,
                                        tr("Replace Base Image"),
                                        tr("%1 is built on %2. An image needs a base: build it on "
                                           "this image from a registry instead (from:):")
                                                .arg(target.displayName(), source.displayName()),
                                        QLineEdit::Normal,
                                        proposal,
                                        &ok)
                          .trimmed();
        if (!ok || base.isEmpty()) {
            setStatus(tr("The base of %1 was kept").arg(target.displayName()));
            return false;
        }
        return applyEdit(m_document->editor().setBaseImage(t, QStringLiteral("from"), base),
                         tr("Build %1 on %2 instead of %3")
                                 .arg(target.displayName(), base, source.displayName()));
    }
    for (const StapelImage &image : m_document->project().config.images) {
        if (image.name != target.name)
            continue;
        if (e.kind == EdgeKind::Dependency) {
            for (int i = 0; i < image.dependencies.size(); ++i) {
                if (image.dependencies.at(i).image.valueSpan.location.offset == e.location.offset)
                    return applyEdit(m_document->editor()
                                             .unset(t, QStringLiteral("dependencies[%1]").arg(i)),
                                     tr("Delete dependency of %1 on %2")
                                             .arg(target.displayName(), source.displayName()));
            }
            continue;
        }
        for (int i = 0; i < image.imports.size(); ++i) {
            // The edge points at the import's `image:`/`artifact:` value.
            const ImportConfig &imp = image.imports.at(i);
            const SourceLocation &l = (imp.image.present ? imp.image : imp.artifact)
                                              .valueSpan.location;
            if (l.offset == e.location.offset)
                return applyEdit(m_document->editor().removeImport(t, i),
                                 tr("Delete import of %1 into %2")
                                         .arg(source.displayName(), target.displayName()));
        }
    }
    setStatus(tr("the entry of this edge was not found in the config"));
    return false;
}

} // namespace Stagecraft::Ui
