// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/werfconfig.h"
#include "conveyor/conveyor.h"
#include "document/configeditor.h"

#include <QByteArray>
#include <QWidget>

#include <memory>
#include <optional>

class QFormLayout;
class QGroupBox;
class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace Stagecraft::Model {
class ConveyorModel;
class Document;
} // namespace Stagecraft::Model

namespace Stagecraft::Ui {

/**
 * The editable fields of the selection in the properties panel: an image (name, kind, base
 * image, mounts, imports), one of its stages (shell commands and cacheVersions, ansible tasks,
 * git mappings, imports, docker instructions, Dockerfile fields) or, with nothing selected, the
 * meta document (project, configVersion).
 *
 * Every committed field change is one ConfigEditor request pushed on the document's undo stack
 * as one command with its own text; the document re-parses and the form is rebuilt from the new
 * config (so validation problems of the result show in the Problems list, while a refused edit
 * shows its reason here). Values produced by a template construct are shown read-only with the
 * action that produced them.
 */
class PropertyEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertyEditor)

public:
    PropertyEditor(Model::Document *document,
                   const Model::ConveyorModel &model,
                   QWidget *parent = nullptr);
    ~PropertyEditor() override;

    /** Shows the fields of a conveyor image (stage unset: the image itself); -1: the meta. */
    void showSelection(int image, std::optional<Model::StageId> stage);
    /** Rebuilds a pending form now (tests; the form is otherwise rebuilt from the event loop). */
    void rebuildNow();

    /** The edit target shown: an image name (`~` for a nameless one), or the meta document. */
    Model::EditTarget target() const;
    std::optional<Model::StageId> stage() const { return m_stage; }
    /** The reason of the last refused edit; empty after an applied one. */
    QString lastError() const { return m_lastError; }
    /** The titles of the sections shown, in order (for tests). */
    QStringList sectionTitles() const;

signals:
    /** An edit was refused; message names the place (file:line:column). */
    void editRefused(const QString &message);

private:
    void scheduleRebuild();
    void rebuild();
    void buildMeta();
    void buildImage(const Model::StapelImage &image);
    void buildStage(const Model::StapelImage &image, Model::StageId stage);
    void buildDockerfile(const Model::DockerfileImage &image);
    void buildBase(const Model::StapelImage &image);
    void buildShell(const Model::StapelImage &image, Model::StageId stage);
    void buildAnsible(const Model::StapelImage &image, Model::StageId stage);
    void buildGit(const Model::StapelImage &image);
    void buildMounts(const Model::StapelImage &image);
    void buildImports(const Model::StapelImage &image, std::optional<Model::StageId> stage);
    void buildDocker(const Model::StapelImage &image);

    QFormLayout *section(const QString &title, const QString &objectName);
    void addLine(QFormLayout *form,
                 const QString &label,
                 const QString &path,
                 const Model::StringValue &value,
                 bool raw = false);
    /** The image's name:, renamed (with its references) on editing; returns why it is read-only. */
    QString addNameRow(QFormLayout *form, const QString &imageName, const Model::Span &nameSpan);
    void addList(QFormLayout *form,
                 const QString &label,
                 const QString &path,
                 const Model::StringListValue &value);
    void addMap(QFormLayout *form,
                const QString &label,
                const QString &path,
                const Model::StringMapValue &value);
    QWidget *withReason(QWidget *field, const QString &reason);

    QString readOnly(const Model::Span &span) const;
    QString readOnlyOf(const Model::StringValue &value) const;
    QString displayName() const;
    void commitScalar(const QString &path, const QString &text, bool raw);
    bool apply(const Model::EditResult &result, const QString &description);
    void showMessage(const QString &message);

    Model::Document *m_document;
    const Model::ConveyorModel &m_model;
    // The selection, by name: edits re-parse and renumber the conveyor.
    bool m_meta = true;
    QString m_name;
    Model::ImageKind m_kind = Model::ImageKind::Image;
    std::optional<Model::StageId> m_stage;
    bool m_hasSelection = false;

    QByteArray m_builtText;
    QString m_builtKey;
    bool m_built = false;
    bool m_rebuildPending = false;
    /** True while one of the form's edits is applied (and the window re-shows the project). */
    bool m_applying = false;
    QString m_lastError;
    /** Why new keys cannot be added (the document itself is template output); empty: they can. */
    QString m_documentReadOnly;
    /** Only during rebuild(): answers readOnly() for the project being shown. */
    std::unique_ptr<Model::ConfigEditor> m_checker;

    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_body = nullptr;
    QVBoxLayout *m_bodyLayout = nullptr;
};

} // namespace Stagecraft::Ui
