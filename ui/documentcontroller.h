// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"
#include "document/configeditor.h"

#include <QMessageBox>
#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QLineEdit;
class QLabel;

namespace Stagecraft::Model {
class Document;
}

namespace Stagecraft::Ui {

class MainWindow;
class PropertyEditor;

/**
 * Makes the main window an editor of one Model::Document.
 *
 * It takes over the window's project loader (opening a file opens the document, offering its
 * recovery file when a previous session left one), shows every new parse through
 * MainWindow::showProject() (the one path a loaded project takes, so panels that follow the
 * window follow edits too; during a parse error the last good graph stays with the new
 * problems), turns the source view into the editor (typing re-parses after a pause), adds
 * Undo/Redo/Save/Save As, the `[*]` dirty marker, the reload offer on external change, the
 * graph gestures (image onto a `from` stage: fromImage; onto another stage: an import; Delete
 * on an edge), the editable fields of the properties panel (PropertyEditor) and a small
 * directive editor beside the properties.
 */
class DocumentController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentController)

public:
    /** Answers a question; tests replace the message box. Returns the chosen button. */
    using Asker = std::function<QMessageBox::StandardButton(const QString &title,
                                                            const QString &text,
                                                            QMessageBox::StandardButtons buttons)>;

    explicit DocumentController(MainWindow *window);
    ~DocumentController() override;

    Model::Document *document() const { return m_document; }
    void setAsker(Asker asker) { m_ask = std::move(asker); }

    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAsAction() const { return m_saveAsAction; }

    bool save();
    /** Save As; an empty path asks for one. */
    bool saveAs(const QString &path = {});

    /** Pushes an editor result as one undo step; a refusal goes to the status bar. */
    bool applyEdit(const Model::EditResult &result, const QString &text);
    /** The image name of a conveyor index, as an edit target. */
    Model::EditTarget targetOf(int image) const;

    /** The editable fields in the properties panel. */
    PropertyEditor *propertyEditor() const { return m_propertyEditor; }

    // Gestures and panel edits (public for tests and scripts).
    /**
     * Onto `from`: the base becomes the dropped image. Onto another stage: a new import, whose
     * `add`/`to`/place/`stage` are confirmed in an ImportDialog (werf requires `add`).
     */
    bool dropImageOnStage(int source, int target, Model::StageId stage);
    /** The same, dragged by a stage of the source: the import reads that stage (`stage:`). */
    bool dropStageOnStage(int source, Model::StageId sourceStage, int target, Model::StageId stage);
    /**
     * Import and dependency edges delete their entry. A fromImage/fromImageArtifact edge (or
     * a `from:` edge) replaces the base: the user is asked for a `from:` image to build on.
     */
    bool deleteEdge(int edge);
    /** Sets a directive of an image (conveyor index), or of the meta document for image -1. */
    bool setDirective(int image, const QString &path, const QString &value);
    bool unsetDirective(int image, const QString &path);
    bool addImage(const QString &name, bool artifact, const QString &base);
    bool renameImage(int image, const QString &newName);
    bool duplicateImage(int image, const QString &newName);
    bool removeImage(int image);
    /** artifact ↔ `final: false` (newer syntax only). */
    bool toggleArtifactStyle(int image);
    bool setFromLatest(int image, bool enabled);

private:
    void installMenus();
    void createEditorDock();
    void showDocumentProject();
    void handleEditorText();
    void handleChangedOnDisk();
    bool confirmDiscard();
    void offerRecovery();
    void updateEditorDock();
    QMessageBox::StandardButton ask(const QString &title,
                                    const QString &text,
                                    QMessageBox::StandardButtons buttons);
    void setStatus(const QString &message);
    bool importGesture(int source,
                       int target,
                       Model::StageId stage,
                       std::optional<Model::StageId> sourceStage);

    MainWindow *m_window;
    Model::Document *m_document;
    Asker m_ask;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QLabel *m_editorTarget = nullptr;
    QLineEdit *m_editorPath = nullptr;
    QLineEdit *m_editorValue = nullptr;
    PropertyEditor *m_propertyEditor = nullptr;
    bool m_opening = false;
    bool m_fromEditor = false;
};

} // namespace Stagecraft::Ui
