// SPDX-License-Identifier: GPL-3.0-or-later
#include "propertyeditor.h"

#include "conveyor/stagekinds.h"
#include "document/document.h"
#include "models/conveyormodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

namespace {

/** `path.key`, quoting a key that holds path syntax (`docker.LABEL."org.x.title"`). */
QString keyPath(const QString &path, const QString &key)
{
    const bool quote = key.contains(u'.') || key.contains(u'[') || key.contains(u']');
    return path + u'.' + (quote ? u'"' + key + u'"' : key);
}

QString indexPath(const QString &path, int index)
{
    return path + u'[' + QString::number(index) + u']';
}

/** The object name of the editor of a path: tests and focus restoring find fields by it. */
QString fieldName(const QString &path)
{
    return u"field:" + path;
}

/** Makes `box` a list or map field named for `path`; its parts stack without margins. */
QVBoxLayout *fieldBox(QWidget *box, const QString &path)
{
    box->setObjectName(fieldName(path));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    return layout;
}

/** Names a part of a field (`field:PATH:PART`: its items, new-item editors and buttons). */
template<typename Widget>
Widget *fieldPart(Widget *widget, const QString &path, QStringView part)
{
    widget->setObjectName(fieldName(path) + u':' + part);
    return widget;
}

/** A YAML flow list of plain strings, each quoted as needed. */
QString flowList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(ConfigEditor::quoteScalar(item));
    return u'[' + quoted.join(QStringLiteral(", ")) + u']';
}

/** The imports stage an import enters by its before/after. */
std::optional<StageId> importStage(const ImportConfig &import)
{
    if (import.before.present && import.before.value == u"install")
        return StageId::ImportsBeforeInstall;
    if (import.after.present && import.after.value == u"install")
        return StageId::ImportsAfterInstall;
    if (import.before.present && import.before.value == u"setup")
        return StageId::ImportsBeforeSetup;
    if (import.after.present && import.after.value == u"setup")
        return StageId::ImportsAfterSetup;
    return std::nullopt;
}

/** before/after and install/setup of an imports stage. */
std::pair<QString, QString> placeOf(StageId stage)
{
    switch (stage) {
    case StageId::ImportsBeforeInstall:
        return {QStringLiteral("before"), QStringLiteral("install")};
    case StageId::ImportsAfterInstall:
        return {QStringLiteral("after"), QStringLiteral("install")};
    case StageId::ImportsBeforeSetup:
        return {QStringLiteral("before"), QStringLiteral("setup")};
    default:
        return {QStringLiteral("after"), QStringLiteral("setup")};
    }
}

const QList<StageId> &importStages()
{
    static const QList<StageId> stages{StageId::ImportsBeforeInstall,
                                       StageId::ImportsAfterInstall,
                                       StageId::ImportsBeforeSetup,
                                       StageId::ImportsAfterSetup};
    return stages;
}

/** The stage names an import's `stage:` accepts (reference §1.10). */
const QStringList &importSourceStages()
{
    static const QStringList stages{QStringLiteral("beforeInstall"),
                                    QStringLiteral("install"),
                                    QStringLiteral("beforeSetup"),
                                    QStringLiteral("setup")};
    return stages;
}

/** A combo box that does not grow to its longest item (the dock may be narrow). */
QComboBox *narrowCombo()
{
    auto *combo = new QComboBox;
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
    return combo;
}

} // namespace

PropertyEditor::PropertyEditor(Document *document, const ConveyorModel &model, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_scroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("propertyEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setObjectName(QStringLiteral("propertyEditorTitle"));
    layout->addWidget(m_title);
    m_message->setObjectName(QStringLiteral("propertyEditorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->hide();
    layout->addWidget(m_message);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // A dock narrower than the form scrolls it rather than cutting off its buttons and fields.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    layout->addWidget(m_scroll, 1);
    // Undo, redo, typing in the source: the form follows the text.
    connect(m_document, &Document::projectChanged, this, &PropertyEditor::scheduleRebuild);
    scheduleRebuild();
}

PropertyEditor::~PropertyEditor() = default;

EditTarget PropertyEditor::target() const
{
    return m_meta ? EditTarget::metaDocument() : EditTarget::image(m_name);
}

QString PropertyEditor::displayName() const
{
    return m_meta ? tr("the meta document") : m_name;
}

QStringList PropertyEditor::sectionTitles() const
{
    QStringList titles;
    if (!m_body)
        return titles;
    for (const QGroupBox *box : m_body->findChildren<QGroupBox *>(Qt::FindDirectChildrenOnly))
        titles.append(box->title());
    return titles;
}

void PropertyEditor::showSelection(int image, std::optional<StageId> stage)
{
    // The window re-selects by index while one of our edits re-parses; the edited image is
    // what stays shown (a rename or a new image may renumber the conveyor).
    if (m_applying) {
        scheduleRebuild();
        return;
    }
    const Conveyor &c = m_model.conveyor();
    bool meta = true;
    QString name;
    ImageKind kind = ImageKind::Image;
    if (image >= 0 && image < c.images.size()) {
        meta = false;
        name = c.images.at(image).displayName();
        kind = c.images.at(image).kind;
    } else {
        stage.reset();
    }
    const bool same = m_hasSelection && meta == m_meta && name == m_name && kind == m_kind
                      && stage == m_stage;
    m_hasSelection = true;
    m_meta = meta;
    m_name = name;
    m_kind = kind;
    m_stage = stage;
    // The panel re-shows the selection often (statuses, plans): a form the user may be typing
    // in is only rebuilt when the selection or the text changed.
    if (!same || !m_built || m_builtText != m_document->text())
        scheduleRebuild();
}

void PropertyEditor::scheduleRebuild()
{
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    // Not now: the edit that caused this may come from a field of the form itself.
    QTimer::singleShot(0, this, &PropertyEditor::rebuildNow);
}

void PropertyEditor::rebuildNow()
{
    if (!m_rebuildPending && m_built && m_builtText == m_document->text())
        return;
    rebuild();
}

void PropertyEditor::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QFormLayout *PropertyEditor::section(const QString &title, const QString &objectName)
{
    auto *box = new QGroupBox(title, m_body);
    box->setObjectName(objectName);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // A narrow dock puts a long field under its label instead of scrolling sideways.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_bodyLayout->addWidget(box);
    return form;
}

QString PropertyEditor::readOnly(const Span &span) const
{
    if (!m_checker || !span.isValid())
        return {};
    const std::optional<Diagnostic> why = m_checker->readOnlyReason(span.start, span.end);
    return why ? why->message : QString();
}

QString PropertyEditor::readOnlyOf(const StringValue &value) const
{
    if (!value.present)
        return m_documentReadOnly;
    return readOnly(value.valueSpan.isValid() && value.valueSpan.end > value.valueSpan.start
                            ? value.valueSpan
                            : value.keySpan);
}

QWidget *PropertyEditor::withReason(QWidget *field, const QString &reason)
{
    if (reason.isEmpty())
        return field;
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    auto *why = new QLabel(reason);
    why->setObjectName(field->objectName() + u":reason");
    why->setWordWrap(true);
    why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = why->font();
    small.setItalic(true);
    why->setFont(small);
    why->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(why);
    field->setToolTip(reason);
    return box;
}

bool PropertyEditor::apply(const EditResult &result, const QString &description)
{
    QString error;
    m_applying = true;
    const bool applied = m_document->apply(result, description, &error);
    m_applying = false;
    if (!applied) {
        m_lastError = error;
        showMessage(error);
        emit editRefused(error);
        return false;
    }
    m_lastError.clear();
    showMessage({});
    scheduleRebuild();
    return true;
}

void PropertyEditor::commitScalar(const QString &path, const QString &text, bool raw)
{
    const ConfigEditor editor = m_document->editor();
    if (text.isEmpty()) {
        apply(editor.unset(target(), path), tr("Remove %1 of %2").arg(path, displayName()));
        return;
    }
    apply(editor.setValue(target(), path, raw ? text : ConfigEditor::quoteScalar(text)),
          tr("Set %1 of %2 to %3").arg(path, displayName(), text));
}

void PropertyEditor::addLine(QFormLayout *form,
                             const QString &label,
                             const QString &path,
                             const StringValue &value,
                             bool raw)
{
    auto *edit = new QLineEdit(value.value);
    edit->setObjectName(fieldName(path));
    edit->setClearButtonEnabled(value.present);
    const QString reason = readOnlyOf(value);
    edit->setReadOnly(!reason.isEmpty());
    connect(edit,
            &QLineEdit::editingFinished,
            this,
            [this, edit, path, raw, present = value.present, old = value.value] {
                if (edit->isReadOnly() || m_rebuildPending)
                    return;
                const QString text = edit->text().trimmed();
                if ((present && text == old) || (!present && text.isEmpty()))
                    return;
                commitScalar(path, text, raw);
            });
    form->addRow(label, withReason(edit, reason));
}

QString PropertyEditor::addNameRow(QFormLayout *form, const QString &imageName, const Span &nameSpan)
{
    auto *name = new QLineEdit(imageName);
    name->setObjectName(fieldName(QStringLiteral("name")));
    const QString nameReason = readOnly(nameSpan);
    name->setReadOnly(!nameReason.isEmpty());
    connect(name, &QLineEdit::editingFinished, this, [this, name, old = imageName] {
        const QString text = name->text().trimmed();
        if (name->isReadOnly() || m_rebuildPending || text == old || text.isEmpty())
            return;
        const ConfigEditor editor = m_document->editor();
        const QString before = m_name;
        if (apply(editor.renameImage(target(), text), tr("Rename %1 to %2").arg(before, text)))
            m_name = text;
    });
    form->addRow(tr("Name:"), withReason(name, nameReason));
    return nameReason;
}

void PropertyEditor::addList(QFormLayout *form,
                             const QString &label,
                             const QString &path,
                             const StringListValue &value)
{
    auto *box = new QWidget;
    QVBoxLayout *layout = fieldBox(box, path);
    auto *list = fieldPart(new QListWidget, path, u"items");
    list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                          | QAbstractItemView::SelectedClicked);
    list->setAlternatingRowColors(true);
    QString reason = value.present ? readOnly(value.valueSpan) : m_documentReadOnly;
    for (qsizetype i = 0; i < value.value.size(); ++i) {
        const QString &text = value.value.at(i);
        auto *item = new QListWidgetItem(QString(text).replace(u'\n', u'⏎'), list);
        const QString itemReason = readOnly(value.itemSpans.value(i));
        if (!itemReason.isEmpty() && reason.isEmpty())
            reason = itemReason;
        // A multi-line command is edited in the source: a one-line editor would flatten it.
        if (itemReason.isEmpty() && !text.contains(u'\n'))
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        else
            item->setToolTip(itemReason.isEmpty() ? tr("a multi-line value: edit it in the source")
                                                  : itemReason);
    }
    const int rows = std::clamp(int(value.value.size()), 2, 8);
    const int rowHeight = std::max(list->sizeHintForRow(0), list->fontMetrics().height() + 4);
    list->setFixedHeight(rowHeight * rows + 2 * list->frameWidth() + 4);
    layout->addWidget(list);

    // Two short rows, so that the list fits a narrow dock: the new item, then the item actions.
    auto *adding = new QHBoxLayout;
    adding->setSpacing(4);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    auto *newItem = fieldPart(new QLineEdit, path, u"new");
    newItem->setPlaceholderText(tr("New item"));
    auto *add = fieldPart(new QPushButton(tr("Add")), path, u"add");
    auto *remove = fieldPart(new QPushButton(tr("Remove")), path, u"remove");
    auto *up = fieldPart(new QPushButton(tr("Up")), path, u"up");
    auto *down = fieldPart(new QPushButton(tr("Down")), path, u"down");
    adding->addWidget(newItem, 1);
    adding->addWidget(add);
    buttons->addWidget(remove);
    buttons->addWidget(up);
    buttons->addWidget(down);
    buttons->addStretch(1);
    layout->addLayout(adding);
    layout->addLayout(buttons);
    const bool editable = reason.isEmpty();
    for (QWidget *w : {static_cast<QWidget *>(newItem),
                       static_cast<QWidget *>(add),
                       static_cast<QWidget *>(remove),
                       static_cast<QWidget *>(up),
                       static_cast<QWidget *>(down)})
        w->setEnabled(editable);
    up->setEnabled(editable && value.isList);
    down->setEnabled(editable && value.isList);

    connect(list, &QListWidget::itemChanged, this, [this, list, path, value](QListWidgetItem *item) {
        if (m_rebuildPending)
            return;
        const int row = list->row(item);
        if (row < 0 || row >= value.value.size())
            return;
        const QString text = item->text().trimmed();
        if (text == value.value.at(row))
            return;
        const ConfigEditor editor = m_document->editor();
        const QString itemPath = value.isList ? indexPath(path, row) : path;
        if (text.isEmpty()) {
            apply(editor.unset(target(), itemPath),
                  tr("Remove item %1 of %2 of %3").arg(row + 1).arg(path, displayName()));
            return;
        }
        apply(editor.setValue(target(), itemPath, ConfigEditor::quoteScalar(text)),
              tr("Change item %1 of %2 of %3").arg(row + 1).arg(path, displayName()));
    });
    auto addItem = [this, newItem, path, value] {
        const QString text = newItem->text().trimmed();
        if (text.isEmpty() || m_rebuildPending)
            return;
        const ConfigEditor editor = m_document->editor();
        EditResult r;
        if (!value.present)
            r = editor.setValue(target(), path, flowList({text}));
        else if (value.isList && !value.value.isEmpty())
            r = editor.setValue(target(),
                                indexPath(path, int(value.value.size())),
                                ConfigEditor::quoteScalar(text));
        else // a single string (`install: make`) becomes a list of two
            r = editor.setValue(target(), path, flowList(value.value + QStringList{text}));
        apply(r, tr("Add \"%1\" to %2 of %3").arg(text, path, displayName()));
    };
    connect(add, &QPushButton::clicked, this, addItem);
    connect(newItem, &QLineEdit::returnPressed, this, addItem);
    connect(remove, &QPushButton::clicked, this, [this, list, path, value] {
        const int row = list->currentRow();
        if (row < 0 || row >= value.value.size() || m_rebuildPending)
            return;
        const ConfigEditor editor = m_document->editor();
        apply(editor.unset(target(), value.isList ? indexPath(path, row) : path),
              tr("Remove item %1 of %2 of %3").arg(row + 1).arg(path, displayName()));
    });
    auto move = [this, list, path, value](int delta) {
        const int row = list->currentRow();
        const int to = row + delta;
        if (row < 0 || to < 0 || to >= value.value.size() || m_rebuildPending)
            return;
        const ConfigEditor editor = m_document->editor();
        apply(editor.moveItem(target(), path, row, to),
              delta < 0
                      ? tr("Move item %1 of %2 of %3 up").arg(row + 1).arg(path, displayName())
                      : tr("Move item %1 of %2 of %3 down").arg(row + 1).arg(path, displayName()));
    };
    connect(up, &QPushButton::clicked, this, [move] { move(-1); });
    connect(down, &QPushButton::clicked, this, [move] { move(1); });
    form->addRow(label, withReason(box, reason));
}

void PropertyEditor::addMap(QFormLayout *form,
                            const QString &label,
                            const QString &path,
                            const StringMapValue &value)
{
    auto *box = new QWidget;
    QVBoxLayout *layout = fieldBox(box, path);
    auto *table = fieldPart(new QTableWidget(int(value.entries.size()), 2), path, u"items");
    table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    QString reason = value.present ? readOnly(value.valueSpan) : m_documentReadOnly;
    for (qsizetype i = 0; i < value.entries.size(); ++i) {
        const KeyValue &kv = value.entries.at(i);
        auto *key = new QTableWidgetItem(kv.key.value);
        key->setFlags(key->flags() & ~Qt::ItemIsEditable);
        auto *val = new QTableWidgetItem(kv.value.value);
        const QString itemReason = readOnlyOf(kv.value);
        if (!itemReason.isEmpty()) {
            val->setFlags(val->flags() & ~Qt::ItemIsEditable);
            val->setToolTip(itemReason);
            if (reason.isEmpty())
                reason = itemReason;
        }
        table->setItem(int(i), 0, key);
        table->setItem(int(i), 1, val);
    }
    const int rows = std::clamp(int(value.entries.size()), 1, 8);
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height()
                          + table->verticalHeader()->defaultSectionSize() * rows
                          + 2 * table->frameWidth() + 2);
    layout->addWidget(table);
    auto *row = new QHBoxLayout;
    row->setSpacing(4);
    auto *newKey = fieldPart(new QLineEdit, path, u"newKey");
    newKey->setPlaceholderText(tr("Name"));
    auto *newValue = fieldPart(new QLineEdit, path, u"newValue");
    newValue->setPlaceholderText(tr("Value"));
    auto *add = fieldPart(new QPushButton(tr("Add")), path, u"add");
    auto *remove = fieldPart(new QPushButton(tr("Remove")), path, u"remove");
    row->addWidget(newKey, 1);
    row->addWidget(newValue, 2);
    row->addWidget(add);
    layout->addLayout(row);
    auto *actions = new QHBoxLayout;
    actions->addWidget(remove);
    actions->addStretch(1);
    layout->addLayout(actions);
    const bool editable = reason.isEmpty();
    newKey->setEnabled(editable && m_documentReadOnly.isEmpty());
    newValue->setEnabled(editable && m_documentReadOnly.isEmpty());
    add->setEnabled(editable && m_documentReadOnly.isEmpty());
    remove->setEnabled(editable);

    connect(table,
            &QTableWidget::itemChanged,
            this,
            [this, table, path, value](QTableWidgetItem *item) {
                if (m_rebuildPending || item->column() != 1)
                    return;
                const int r = table->row(item);
                if (r < 0 || r >= value.entries.size())
                    return;
                const KeyValue &kv = value.entries.at(r);
                const QString text = item->text();
                if (text == kv.value.value)
                    return;
                const ConfigEditor editor = m_document->editor();
                apply(editor.setValue(target(),
                                      keyPath(path, kv.key.value),
                                      ConfigEditor::quoteScalar(text)),
                      tr("Set %1 of %2 to %3").arg(keyPath(path, kv.key.value), displayName(), text));
            });
    auto addEntry = [this, newKey, newValue, path] {
        const QString key = newKey->text().trimmed();
        if (key.isEmpty() || m_rebuildPending)
            return;
        const ConfigEditor editor = m_document->editor();
        apply(editor.setValue(target(),
                              keyPath(path, key),
                              ConfigEditor::quoteScalar(newValue->text())),
              tr("Set %1 of %2 to %3").arg(keyPath(path, key), displayName(), newValue->text()));
    };
    connect(add, &QPushButton::clicked, this, addEntry);
    connect(newValue, &QLineEdit::returnPressed, this, addEntry);
    connect(remove, &QPushButton::clicked, this, [this, table, path, value] {
        const int r = table->currentRow();
        if (r < 0 || r >= value.entries.size() || m_rebuildPending)
            return;
        const QString key = value.entries.at(r).key.value;
        const ConfigEditor editor = m_document->editor();
        apply(editor.unset(target(), keyPath(path, key)),
              tr("Remove %1 of %2").arg(keyPath(path, key), displayName()));
    });
    form->addRow(label, withReason(box, reason));
}

// ---- the form ------------------------------------------------------------------------------

void PropertyEditor::rebuild()
{
    m_rebuildPending = false;
    // Keep the focus on the field the user went to, across the rebuild.
    QString focused;
    if (QWidget *f = QApplication::focusWidget(); f && m_body && m_body->isAncestorOf(f))
        focused = f->objectName();
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater(); // a field of it may be what asked for this
    m_body = new QWidget;
    m_body->setObjectName(QStringLiteral("propertyEditorBody"));
    m_bodyLayout = new QVBoxLayout(m_body);
    m_bodyLayout->setContentsMargins(0, 4, 4, 4);

    const LoadedProject &project = m_document->project();
    m_checker = std::make_unique<ConfigEditor>(project);
    m_documentReadOnly.clear();
    m_built = true;
    m_builtText = m_document->text();

    if (!m_hasSelection || m_meta) {
        m_title->setText(tr("Edit: meta document"));
        buildMeta();
    } else if (m_kind == ImageKind::External) {
        m_title->setText(tr("Edit: %1").arg(m_name));
        auto *note = new QLabel(tr("An external base image (from a registry): edit the `from` "
                                   "of the images that use it."));
        note->setWordWrap(true);
        m_bodyLayout->addWidget(note);
    } else {
        const QString name = m_name == u"~" ? QString() : m_name;
        const StapelImage *stapel = nullptr;
        for (const StapelImage &i : project.config.images) {
            if (i.name == name)
                stapel = &i;
        }
        const DockerfileImage *dockerfile = project.config.findDockerfileImage(name);
        m_title->setText(m_stage ? tr("Edit: %1 › %2").arg(m_name, stageName(*m_stage))
                                 : tr("Edit: %1").arg(m_name));
        if (stapel) {
            m_documentReadOnly = readOnly(stapel->nameSpan);
            if (m_stage)
                buildStage(*stapel, *m_stage);
            else
                buildImage(*stapel);
        } else if (dockerfile) {
            m_documentReadOnly = readOnly(dockerfile->nameSpan);
            buildDockerfile(*dockerfile);
        } else {
            auto *note = new QLabel(project.ok()
                                            ? tr("%1 is not in the config any more.").arg(m_name)
                                            : tr("The config has errors (see Problems): fix them "
                                                 "in the source to edit %1 here.")
                                                      .arg(m_name));
            note->setWordWrap(true);
            m_bodyLayout->addWidget(note);
        }
    }
    m_bodyLayout->addStretch(1);
    m_checker.reset();
    const int scroll = m_scroll->verticalScrollBar()->value();
    m_scroll->setWidget(m_body);
    m_scroll->verticalScrollBar()->setValue(scroll);
    if (!focused.isEmpty()) {
        if (auto *w = m_body->findChild<QWidget *>(focused))
            w->setFocus();
    }
}

void PropertyEditor::buildMeta()
{
    const MetaConfig &meta = m_document->project().config.meta;
    if (!meta.present) {
        auto *note = new QLabel(tr("The config has no meta document (project, configVersion)."));
        note->setWordWrap(true);
        m_bodyLayout->addWidget(note);
        return;
    }
    m_documentReadOnly = readOnly(
            meta.documentSpan.isValid()
                    ? Span{meta.documentSpan.start,
                           std::min(meta.documentSpan.end, meta.documentSpan.start + 1),
                           {},
                           {}}
                    : Span{});
    QFormLayout *form = section(tr("Project"), QStringLiteral("section:meta"));
    addLine(form, tr("project:"), QStringLiteral("project"), meta.project);
    StringValue version;
    version.present = meta.configVersion.present;
    version.value = meta.configVersion.present ? QString::number(meta.configVersion.value)
                                               : QString();
    version.valueSpan = meta.configVersion.valueSpan;
    version.keySpan = meta.configVersion.keySpan;
    addLine(form, tr("configVersion:"), QStringLiteral("configVersion"), version, true);
}

void PropertyEditor::buildImage(const StapelImage &image)
{
    QFormLayout *form = section(image.artifact ? tr("Artifact") : tr("Image"),
                                QStringLiteral("section:image"));
    const QString nameReason = addNameRow(form, image.name, image.nameSpan);

    const LoadedProject &project = m_document->project();
    if (project.version != WerfVersion::V1_1) {
        // Newer syntax: `final: false` marks an intermediate image; `artifact:` still loads.
        auto *final = new QCheckBox(tr("Final image (built and published)"));
        final->setObjectName(fieldName(QStringLiteral("final")));
        final->setChecked(!image.isIntermediate());
        const QString reason = readOnlyOf(
                StringValue{{}, image.final_.valueSpan, image.final_.keySpan, image.final_.present});
        final->setEnabled(reason.isEmpty() && nameReason.isEmpty());
        connect(final, &QCheckBox::toggled, this, [this, artifact = image.artifact](bool on) {
            if (m_rebuildPending)
                return;
            const ConfigEditor editor = m_document->editor();
            if (artifact && on) {
                // `artifact: x` → `image: x` + `final: false` first; then final goes.
                apply(editor.setArtifactStyle(target(), true),
                      tr("Make %1 an image with final: false").arg(m_name));
                return;
            }
            if (on)
                apply(editor.unset(target(), QStringLiteral("final")),
                      tr("Make %1 a final image").arg(m_name));
            else
                apply(editor.setValue(target(), QStringLiteral("final"), QStringLiteral("false")),
                      tr("Make %1 an intermediate image (final: false)").arg(m_name));
        });
        form->addRow(QString(), withReason(final, reason));
        if (image.artifact || (image.final_.present && !image.final_.value)) {
            auto *convert = new QPushButton(image.artifact ? tr("Write as image + final: false")
                                                           : tr("Write as artifact:"));
            convert->setObjectName(QStringLiteral("convertArtifactStyle"));
            convert->setEnabled(nameReason.isEmpty());
            connect(convert, &QPushButton::clicked, this, [this, artifact = image.artifact] {
                const ConfigEditor editor = m_document->editor();
                apply(editor.setArtifactStyle(target(), artifact),
                      artifact ? tr("Make %1 an image with final: false").arg(m_name)
                               : tr("Make %1 an artifact").arg(m_name));
            });
            form->addRow(QString(), convert);
        }
    } else {
        auto *kind = new QLabel(image.artifact ? tr("artifact (werf 1.1 syntax)")
                                               : tr("image (werf 1.1 syntax)"));
        form->addRow(tr("Kind:"), kind);
    }
    buildBase(image);
    buildMounts(image);
    buildImports(image, std::nullopt);
}

void PropertyEditor::buildBase(const StapelImage &image)
{
    QFormLayout *form = section(tr("Base image"), QStringLiteral("section:base"));
    const LoadedProject &project = m_document->project();
    QStringList images;
    QStringList artifacts;
    for (const StapelImage &i : project.config.images) {
        if (i.name == image.name || i.name.isEmpty())
            continue;
        (i.artifact ? artifacts : images).append(i.name);
    }
    for (const DockerfileImage &i : project.config.dockerfileImages)
        images.append(i.name);
    // The three base directives exclude each other: setting one replaces the other in place.
    struct Base
    {
        QString key;
        QString label;
        const StringValue *value;
        QStringList choices;
    };
    const QList<Base> bases{{QStringLiteral("from"), tr("from:"), &image.from, {}},
                            {QStringLiteral("fromImage"), tr("fromImage:"), &image.fromImage, images},
                            {QStringLiteral("fromImageArtifact"),
                             tr("fromImageArtifact:"),
                             &image.fromImageArtifact,
                             artifacts}};
    for (const Base &b : bases) {
        const QString reason = readOnlyOf(*b.value);
        auto *combo = narrowCombo();
        combo->setObjectName(fieldName(b.key));
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->addItems(b.choices);
        combo->setCurrentIndex(-1);
        combo->setEditText(b.value->value);
        combo->setEnabled(reason.isEmpty());
        auto commit = [this, combo, key = b.key, old = b.value->value, present = b.value->present] {
            const QString text = combo->currentText().trimmed();
            if (m_rebuildPending || text == old || (!present && text.isEmpty()))
                return;
            const ConfigEditor editor = m_document->editor();
            if (text.isEmpty())
                apply(editor.unset(target(), key), tr("Remove %1 of %2").arg(key, m_name));
            else
                apply(editor.setBaseImage(target(), key, text),
                      tr("Build %1 on %2 (%3)").arg(m_name, text, key));
        };
        connect(combo->lineEdit(), &QLineEdit::editingFinished, this, commit);
        connect(combo, &QComboBox::activated, this, commit);
        form->addRow(b.label, withReason(combo, reason));
    }
    addLine(form,
            tr("fromCacheVersion:"),
            QStringLiteral("fromCacheVersion"),
            image.fromCacheVersion);
    auto *latest = new QCheckBox(tr("fromLatest"));
    latest->setToolTip(tr("Build on the newest image of the `from` tag; werf requires the "
                          "herebyIAdmitThatFromLatestMightBreakReproducibility key with it, "
                          "which is written (and removed) together with fromLatest."));
    latest->setObjectName(fieldName(QStringLiteral("fromLatest")));
    latest->setChecked(image.fromLatest.present && image.fromLatest.value);
    const QString latestReason = readOnlyOf(StringValue{{},
                                                        image.fromLatest.valueSpan,
                                                        image.fromLatest.keySpan,
                                                        image.fromLatest.present});
    latest->setEnabled(latestReason.isEmpty() && image.from.present);
    if (!image.from.present)
        latest->setToolTip(tr("fromLatest applies to a `from` base image"));
    else if (!latestReason.isEmpty())
        latest->setToolTip(latestReason);
    connect(latest, &QCheckBox::toggled, this, [this](bool on) {
        if (m_rebuildPending)
            return;
        const ConfigEditor editor = m_document->editor();
        apply(editor.setFromLatest(target(), on),
              on ? tr("Use the latest base of %1").arg(m_name)
                 : tr("Stop using the latest base of %1").arg(m_name));
    });
    form->addRow(QString(), withReason(latest, latestReason));
}

void PropertyEditor::buildStage(const StapelImage &image, StageId stage)
{
    switch (stage) {
    case StageId::From:
        buildBase(image);
        return;
    case StageId::BeforeInstall:
    case StageId::Install:
    case StageId::BeforeSetup:
    case StageId::Setup:
        if (image.ansible.present)
            buildAnsible(image, stage);
        if (image.shell.present || !image.ansible.present)
            buildShell(image, stage);
        return;
    case StageId::GitArchive:
    case StageId::GitCache:
    case StageId::GitLatestPatch:
        buildGit(image);
        return;
    case StageId::ImportsBeforeInstall:
    case StageId::ImportsAfterInstall:
    case StageId::ImportsBeforeSetup:
    case StageId::ImportsAfterSetup:
        buildImports(image, stage);
        return;
    case StageId::DockerInstructions:
        buildDocker(image);
        return;
    case StageId::Dockerfile:
        return;
    }
}

void PropertyEditor::buildShell(const StapelImage &image, StageId stage)
{
    const QString key = isUserStage(stage) ? stageName(stage) : QString();
    QFormLayout *form = section(tr("Shell"), QStringLiteral("section:shell"));
    const ShellConfig &shell = image.shell;
    const int k = userStageIndex(stage);
    addList(form, tr("%1:").arg(key), u"shell." + key, shell.commands(k));
    addLine(form,
            tr("%1CacheVersion:").arg(key),
            u"shell." + key + u"CacheVersion",
            shell.stageCacheVersion(k));
    addLine(form, tr("cacheVersion:"), QStringLiteral("shell.cacheVersion"), shell.cacheVersion);
}

void PropertyEditor::buildAnsible(const StapelImage &image, StageId stage)
{
    const QString key = isUserStage(stage) ? stageName(stage) : QString();
    QFormLayout *form = section(tr("Ansible"), QStringLiteral("section:ansible"));
    const AnsibleConfig &ansible = image.ansible;
    const int k = userStageIndex(stage);
    const AnsibleTaskList &tasks = ansible.tasks(k);
    // Tasks are shown as written; a task is a YAML tree, edited in the source view.
    const QByteArray &rendered = m_document->project().rendered;
    for (qsizetype i = 0; i < tasks.tasks.size(); ++i) {
        const AnsibleTask &task = tasks.tasks.at(i);
        auto *text = new QPlainTextEdit;
        text->setObjectName(fieldName(indexPath(u"ansible." + key, int(i))));
        text->setReadOnly(true);
        const Span &span = task.span;
        text->setPlainText(
                span.isValid() ? QString::fromUtf8(rendered.mid(span.start, span.end - span.start))
                               : task.module);
        text->setToolTip(tr("edit the task in the source view"));
        text->setFixedHeight(text->fontMetrics().lineSpacing()
                                     * std::clamp(int(text->document()->blockCount()), 1, 6)
                             + 12);
        form->addRow(tr("Task %1 (%2):").arg(i + 1).arg(task.module), text);
    }
    if (tasks.tasks.isEmpty())
        form->addRow(tr("%1:").arg(key), new QLabel(tr("no tasks")));
    addLine(form,
            tr("%1CacheVersion:").arg(key),
            u"ansible." + key + u"CacheVersion",
            ansible.stageCacheVersion(k));
    addLine(form, tr("cacheVersion:"), QStringLiteral("ansible.cacheVersion"), ansible.cacheVersion);
}

void PropertyEditor::buildGit(const StapelImage &image)
{
    for (qsizetype i = 0; i < image.git.size(); ++i) {
        const GitMapping &git = image.git.at(i);
        const QString base = indexPath(QStringLiteral("git"), int(i));
        QFormLayout *form = section(git.remote
                                            ? tr("Git mapping %1 (%2)").arg(i + 1).arg(git.url.value)
                                            : tr("Git mapping %1").arg(i + 1),
                                    u"section:" + base);
        if (git.remote) {
            addLine(form, tr("url:"), base + u".url", git.url);
            addLine(form, tr("branch:"), base + u".branch", git.branch);
            addLine(form, tr("tag:"), base + u".tag", git.tag);
            addLine(form, tr("commit:"), base + u".commit", git.commit);
        }
        addLine(form, tr("add:"), base + u".add", git.add);
        addLine(form, tr("to:"), base + u".to", git.to);
        addList(form, tr("includePaths:"), base + u".includePaths", git.includePaths);
        addList(form, tr("excludePaths:"), base + u".excludePaths", git.excludePaths);
        addLine(form, tr("owner:"), base + u".owner", git.owner);
        addLine(form, tr("group:"), base + u".group", git.group);
        addList(form,
                tr("stageDependencies.install:"),
                base + u".stageDependencies.install",
                git.stageDependencies.install);
        addList(form,
                tr("stageDependencies.beforeSetup:"),
                base + u".stageDependencies.beforeSetup",
                git.stageDependencies.beforeSetup);
        addList(form,
                tr("stageDependencies.setup:"),
                base + u".stageDependencies.setup",
                git.stageDependencies.setup);
        auto *remove = new QPushButton(tr("Remove Git Mapping"));
        remove->setObjectName(base + u":remove");
        remove->setEnabled(readOnly(git.span).isEmpty());
        connect(remove, &QPushButton::clicked, this, [this, base, i] {
            const ConfigEditor editor = m_document->editor();
            apply(editor.unset(target(), base),
                  tr("Remove git mapping %1 of %2").arg(i + 1).arg(m_name));
        });
        form->addRow(QString(), remove);
    }
    // A new local mapping: werf requires `to`; `add` is the repository path (default /).
    QFormLayout *form = section(tr("New git mapping"), QStringLiteral("section:git:new"));
    auto *add = new QLineEdit(QStringLiteral("/"));
    add->setObjectName(QStringLiteral("git:new:add"));
    auto *to = new QLineEdit;
    to->setObjectName(QStringLiteral("git:new:to"));
    to->setPlaceholderText(tr("path in the image, e.g. /app"));
    auto *button = new QPushButton(tr("Add Git Mapping"));
    button->setObjectName(QStringLiteral("git:new:button"));
    button->setEnabled(m_documentReadOnly.isEmpty());
    form->addRow(tr("add:"), add);
    form->addRow(tr("to:"), to);
    form->addRow(QString(), button);
    connect(button, &QPushButton::clicked, this, [this, add, to, count = image.git.size()] {
        const QString from = add->text().trimmed().isEmpty() ? QStringLiteral("/")
                                                             : add->text().trimmed();
        const QString dest = to->text().trimmed();
        if (dest.isEmpty()) {
            showMessage(tr("A git mapping needs `to`: the path in the image."));
            return;
        }
        const QString item = u"{add: " + ConfigEditor::quoteScalar(from) + u", to: "
                             + ConfigEditor::quoteScalar(dest) + u'}';
        const ConfigEditor editor = m_document->editor();
        apply(count == 0 ? editor.setValue(target(), QStringLiteral("git"), u'[' + item + u']')
                         : editor.setValue(target(),
                                           indexPath(QStringLiteral("git"), int(count)),
                                           item),
              tr("Add git mapping %1 → %2 to %3").arg(from, dest, m_name));
    });
}

void PropertyEditor::buildMounts(const StapelImage &image)
{
    QFormLayout *form = section(tr("Mounts"), QStringLiteral("section:mount"));
    for (qsizetype i = 0; i < image.mounts.size(); ++i) {
        const MountConfig &mount = image.mounts.at(i);
        const QString base = indexPath(QStringLiteral("mount"), int(i));
        addLine(form, tr("%1. to:").arg(i + 1), base + u".to", mount.to);
        if (mount.fromPath.present)
            addLine(form, tr("fromPath:"), base + u".fromPath", mount.fromPath);
        else
            addLine(form, tr("from:"), base + u".from", mount.from);
        auto *remove = new QPushButton(tr("Remove Mount"));
        remove->setObjectName(base + u":remove");
        remove->setEnabled(readOnly(mount.span).isEmpty());
        connect(remove, &QPushButton::clicked, this, [this, base, i] {
            const ConfigEditor editor = m_document->editor();
            apply(editor.unset(target(), base), tr("Remove mount %1 of %2").arg(i + 1).arg(m_name));
        });
        form->addRow(QString(), remove);
    }
    auto *to = new QLineEdit;
    to->setObjectName(QStringLiteral("mount:new:to"));
    to->setPlaceholderText(tr("path in the build container"));
    auto *from = narrowCombo();
    from->setObjectName(QStringLiteral("mount:new:from"));
    from->addItem(tr("tmp_dir (from:)"), QStringLiteral("tmp_dir"));
    from->addItem(tr("build_dir (from:)"), QStringLiteral("build_dir"));
    auto *button = new QPushButton(tr("Add Mount"));
    button->setObjectName(QStringLiteral("mount:new:button"));
    button->setEnabled(m_documentReadOnly.isEmpty());
    form->addRow(tr("New to:"), to);
    auto *row = new QHBoxLayout;
    row->addWidget(from, 1);
    row->addWidget(button);
    form->addRow(tr("New from:"), row);
    connect(button, &QPushButton::clicked, this, [this, to, from, count = image.mounts.size()] {
        const QString dest = to->text().trimmed();
        if (dest.isEmpty()) {
            showMessage(tr("A mount needs `to`: the path in the build container."));
            return;
        }
        const QString item = u"{from: " + from->currentData().toString() + u", to: "
                             + ConfigEditor::quoteScalar(dest) + u'}';
        const ConfigEditor editor = m_document->editor();
        apply(count == 0 ? editor.setValue(target(), QStringLiteral("mount"), u'[' + item + u']')
                         : editor.setValue(target(),
                                           indexPath(QStringLiteral("mount"), int(count)),
                                           item),
              tr("Add mount %1 to %2").arg(dest, m_name));
    });
}

void PropertyEditor::buildImports(const StapelImage &image, std::optional<StageId> stage)
{
    const LoadedProject &project = m_document->project();
    for (qsizetype i = 0; i < image.imports.size(); ++i) {
        const ImportConfig &import = image.imports.at(i);
        const std::optional<StageId> enters = importStage(import);
        if (stage && enters != stage)
            continue;
        const QString base = indexPath(QStringLiteral("import"), int(i));
        QFormLayout *form = section(tr("Import %1 from %2").arg(i + 1).arg(import.sourceName()),
                                    u"section:" + base);
        if (import.artifact.present)
            addLine(form, tr("artifact:"), base + u".artifact", import.artifact);
        else
            addLine(form, tr("image:"), base + u".image", import.image);
        addLine(form, tr("add:"), base + u".add", import.add);
        StringValue to = import.to;
        if (!to.present)
            to.value.clear(); // the loader fills `to` from `add`; the field shows what is written
        addLine(form, tr("to:"), base + u".to", to);
        addList(form, tr("includePaths:"), base + u".includePaths", import.includePaths);
        addList(form, tr("excludePaths:"), base + u".excludePaths", import.excludePaths);
        addLine(form, tr("owner:"), base + u".owner", import.owner);
        addLine(form, tr("group:"), base + u".group", import.group);

        // before/after: one combo over the four imports stages.
        const StringValue &place = import.before.present ? import.before : import.after;
        const QString placeKey = import.before.present ? QStringLiteral("before")
                                                       : QStringLiteral("after");
        auto *when = narrowCombo();
        when->setObjectName(fieldName(base + u".place"));
        for (StageId s : importStages()) {
            const auto [verb, what] = placeOf(s);
            when->addItem(tr("%1: %2").arg(verb, what), int(s));
        }
        when->setCurrentIndex(enters ? int(importStages().indexOf(*enters)) : -1);
        const QString placeReason = readOnlyOf(place);
        when->setEnabled(placeReason.isEmpty());
        connect(when,
                &QComboBox::activated,
                this,
                [this, when, base, placeKey, present = place.present, enters](int index) {
                    if (m_rebuildPending || index < 0)
                        return;
                    const StageId chosen = StageId(when->itemData(index).toInt());
                    if (enters == chosen)
                        return;
                    const auto [verb, what] = placeOf(chosen);
                    const ConfigEditor editor = m_document->editor();
                    EditResult r;
                    if (!present) {
                        r = editor.setValue(target(), base + u'.' + verb, what);
                    } else if (verb == placeKey) {
                        r = editor.setValue(target(), base + u'.' + placeKey, what);
                    } else {
                        // `before: install` → `after: setup`: the key and the value in place.
                        const EditResult key = editor.renameKey(target(),
                                                                base + u'.' + placeKey,
                                                                verb);
                        const EditResult value = editor.setValue(target(),
                                                                 base + u'.' + placeKey,
                                                                 what);
                        r = key.ok() ? value : key;
                        if (key.ok() && value.ok())
                            r.edits = key.edits + value.edits;
                    }
                    apply(r, tr("Import at %1 %2 in %3").arg(verb, what, m_name));
                });
        form->addRow(tr("before/after:"), withReason(when, placeReason));

        auto *from = narrowCombo();
        from->setObjectName(fieldName(base + u".stage"));
        from->addItem(tr("(last stage)"), QString());
        for (const QString &s : importSourceStages())
            from->addItem(s, s);
        from->setCurrentIndex(
                import.stage.present
                        ? std::max(0, int(importSourceStages().indexOf(import.stage.value)) + 1)
                        : 0);
        const QString stageReason = readOnlyOf(import.stage);
        from->setEnabled(stageReason.isEmpty());
        connect(from,
                &QComboBox::activated,
                this,
                [this, from, base, old = import.stage.present ? import.stage.value : QString()](
                        int index) {
                    if (m_rebuildPending || index < 0)
                        return;
                    const QString chosen = from->itemData(index).toString();
                    if (chosen == old)
                        return;
                    const ConfigEditor editor = m_document->editor();
                    if (chosen.isEmpty())
                        apply(editor.unset(target(), base + u".stage"),
                              tr("Import from the last stage in %1").arg(m_name));
                    else
                        apply(editor.setValue(target(), base + u".stage", chosen),
                              tr("Import from stage %1 in %2").arg(chosen, m_name));
                });
        form->addRow(tr("stage:"), withReason(from, stageReason));

        auto *remove = new QPushButton(tr("Remove Import"));
        remove->setObjectName(base + u":remove");
        remove->setEnabled(readOnly(import.span).isEmpty());
        connect(remove, &QPushButton::clicked, this, [this, i, source = import.sourceName()] {
            const ConfigEditor editor = m_document->editor();
            apply(editor.removeImport(target(), int(i)),
                  tr("Delete import of %1 into %2").arg(source, m_name));
        });
        form->addRow(QString(), remove);
    }

    // A new import: the source, what to copy, and where it acts.
    QFormLayout *form = section(tr("New import"), QStringLiteral("section:import:new"));
    auto *source = narrowCombo();
    source->setObjectName(QStringLiteral("import:new:source"));
    for (const StapelImage &i : project.config.images) {
        if (i.name != image.name && !i.name.isEmpty())
            source->addItem(i.artifact ? tr("artifact %1").arg(i.name) : tr("image %1").arg(i.name),
                            QStringList{i.artifact ? QStringLiteral("artifact")
                                                   : QStringLiteral("image"),
                                        i.name});
    }
    auto *add = new QLineEdit(QStringLiteral("/"));
    add->setObjectName(QStringLiteral("import:new:add"));
    auto *to = new QLineEdit;
    to->setObjectName(QStringLiteral("import:new:to"));
    to->setPlaceholderText(tr("same as add"));
    auto *when = narrowCombo();
    when->setObjectName(QStringLiteral("import:new:place"));
    for (StageId s : importStages()) {
        const auto [verb, what] = placeOf(s);
        when->addItem(tr("%1: %2").arg(verb, what), int(s));
    }
    when->setCurrentIndex(stage ? int(importStages().indexOf(*stage)) : 1);
    auto *button = new QPushButton(tr("Add Import"));
    button->setObjectName(QStringLiteral("import:new:button"));
    button->setEnabled(m_documentReadOnly.isEmpty() && source->count() > 0);
    form->addRow(tr("from:"), source);
    form->addRow(tr("add:"), add);
    form->addRow(tr("to:"), to);
    form->addRow(tr("before/after:"), when);
    form->addRow(QString(), button);
    connect(button, &QPushButton::clicked, this, [this, source, add, to, when] {
        const QStringList which = source->currentData().toStringList();
        if (which.size() != 2)
            return;
        ImportSpec spec;
        (which.first() == u"artifact" ? spec.artifact : spec.image) = which.last();
        spec.add = add->text().trimmed();
        spec.to = to->text().trimmed();
        if (spec.add.isEmpty()) {
            showMessage(tr("An import needs `add`: the path in the source image."));
            return;
        }
        const auto [verb, what] = placeOf(StageId(when->currentData().toInt()));
        (verb == u"before" ? spec.before : spec.after) = what;
        const ConfigEditor editor = m_document->editor();
        apply(editor.addImport(target(), spec), tr("Import %1 into %2").arg(which.last(), m_name));
    });
}

void PropertyEditor::buildDocker(const StapelImage &image)
{
    QFormLayout *form = section(tr("Docker instructions"), QStringLiteral("section:docker"));
    const DockerConfig &docker = image.docker;
    addList(form, tr("VOLUME:"), QStringLiteral("docker.VOLUME"), docker.volume);
    addList(form, tr("EXPOSE:"), QStringLiteral("docker.EXPOSE"), docker.expose);
    addMap(form, tr("ENV:"), QStringLiteral("docker.ENV"), docker.env);
    addMap(form, tr("LABEL:"), QStringLiteral("docker.LABEL"), docker.label);
    addList(form, tr("ENTRYPOINT:"), QStringLiteral("docker.ENTRYPOINT"), docker.entrypoint);
    addList(form, tr("CMD:"), QStringLiteral("docker.CMD"), docker.cmd);
    addLine(form, tr("WORKDIR:"), QStringLiteral("docker.WORKDIR"), docker.workdir);
    addLine(form, tr("USER:"), QStringLiteral("docker.USER"), docker.user);
    addLine(form, tr("HEALTHCHECK:"), QStringLiteral("docker.HEALTHCHECK"), docker.healthcheck);
}

void PropertyEditor::buildDockerfile(const DockerfileImage &image)
{
    QFormLayout *form = section(tr("Dockerfile image"), QStringLiteral("section:dockerfile"));
    addNameRow(form, image.name, image.nameSpan);
    addLine(form, tr("dockerfile:"), QStringLiteral("dockerfile"), image.dockerfile);
    addLine(form, tr("context:"), QStringLiteral("context"), image.context);
    addLine(form, tr("target:"), QStringLiteral("target"), image.target);
    addMap(form, tr("args:"), QStringLiteral("args"), image.args);
    addList(form, tr("addHost:"), QStringLiteral("addHost"), image.addHost);
    addLine(form, tr("network:"), QStringLiteral("network"), image.network);
    addLine(form, tr("ssh:"), QStringLiteral("ssh"), image.ssh);
}

} // namespace Stagecraft::Ui
