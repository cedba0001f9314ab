// SPDX-License-Identifier: GPL-3.0-or-later
#include "propertiespanel.h"

#include "models/conveyormodel.h"
#include "models/stagestatus.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QModelIndex>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

namespace {
constexpr int s_lineRole = Qt::UserRole + 1;
constexpr int s_imageRole = Qt::UserRole + 2;
constexpr int s_columnRole = Qt::UserRole + 3;

/** "werf.yaml:12:3": the file's name is enough, the source view shows that file. */
QString shortLocation(const QString &file, int line, int column)
{
    QString text = QFileInfo(file).fileName() + u':' + QString::number(line);
    if (column > 0)
        text += u':' + QString::number(column);
    return text;
}
} // namespace

PropertiesPanel::PropertiesPanel(const ConveyorModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("propertiesPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Property"), tr("Value")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setWordWrap(true);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tree);
    layout->addWidget(m_splitter);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const int image = item->data(1, s_imageRole).toInt();
        if (image >= 0) {
            emit imageActivated(image);
            return;
        }
        const int line = item->data(1, s_lineRole).toInt();
        if (line > 0)
            emit locationActivated(line, std::max(1, item->data(1, s_columnRole).toInt()));
    });
    showSelection(-1, std::nullopt);
}

PropertiesPanel::~PropertiesPanel() = default;

void PropertiesPanel::addRow(
        const QString &name, const QString &value, int line, int image, int column)
{
    auto *item = new QTreeWidgetItem(m_tree, {name, value});
    item->setData(1, s_lineRole, line);
    item->setData(1, s_columnRole, column);
    item->setData(1, s_imageRole, image);
    item->setToolTip(1, value);
}

void PropertiesPanel::setEditor(QWidget *editor)
{
    m_splitter->insertWidget(0, editor);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({450, 150});
}

QStringList PropertiesPanel::rows() const
{
    QStringList result;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        result.append(m_tree->topLevelItem(i)->text(0) + u'\t' + m_tree->topLevelItem(i)->text(1));
    return result;
}

void PropertiesPanel::showSelection(int image, std::optional<StageId> stage)
{
    m_tree->clear();
    const Conveyor &c = m_model.conveyor();
    if (image < 0 || image >= c.images.size()) {
        m_title->setText(tr("Nothing selected"));
        emit selectionShown(-1, -1);
        return;
    }
    emit selectionShown(image, stage ? int(*stage) : -1);
    const ConveyorImage &img = c.images.at(image);
    const QModelIndex index = stage ? m_model.indexForStage(image, *stage)
                                    : m_model.indexForImage(image);
    if (stage) {
        m_title->setText(tr("Stage %1 of %2").arg(stageName(*stage), img.displayName()));
        const StageStatus status = m_model.stageStatus(image, *stage);
        addRow(tr("Stage"), stageName(*stage));
        addRow(tr("Image"), img.displayName(), 0, image);
        addRow(tr("Status"), stageStatusDisplayName(status));
        const QString signature = m_model.stageSignature(image, *stage);
        addRow(tr("Signature"), signature.isEmpty() ? tr("not computed") : signature);
        const QStringList reasons = m_model.stageReasons(image, *stage);
        if (!reasons.isEmpty())
            addRow(tr("Why rebuilt"), reasons.join(QStringLiteral("; ")));
        const int line = index.data(ConveyorModel::LineRole).toInt();
        if (line > 0)
            addRow(tr("Defined at"),
                   shortLocation(index.data(ConveyorModel::FileRole).toString(),
                                 line,
                                 index.data(ConveyorModel::ColumnRole).toInt()),
                   line);
        // The stage's inputs as written: each directive with its value, then edges of their own.
        for (int r = 0; r < m_model.rowCount(index); ++r) {
            const QModelIndex input = m_model.index(r, 0, index);
            const int edge = m_model.edgeForIndex(input);
            addRow(input.data(ConveyorModel::DirectiveRole).toString(),
                   input.data(ConveyorModel::ValueRole).toString(),
                   input.data(ConveyorModel::LineRole).toInt(),
                   edge >= 0 ? c.edges.at(edge).source : -1,
                   input.data(ConveyorModel::ColumnRole).toInt());
        }
    } else {
        m_title->setText(img.displayName());
        addRow(tr("Kind"), m_model.index(image, ConveyorModel::KindColumn).data().toString());
        if (img.kind != ImageKind::External) {
            addRow(tr("Status"), stageStatusDisplayName(m_model.imageStatus(image)));
            QStringList stages;
            for (const ConveyorStage &s : img.stages)
                stages.append(stageName(s.id));
            addRow(tr("Stages (%n)", "", int(stages.size())), stages.join(QStringLiteral(" → ")));
            addRow(tr("Dependency set"), QString::number(img.set));
            if (img.location.line > 0)
                addRow(tr("Declared at"),
                       shortLocation(img.location.file, img.location.line, img.location.column),
                       img.location.line);
        }
        for (int e : c.incomingEdges(image))
            addRow(tr("Uses"),
                   m_model.edgeDescription(e),
                   c.edges.at(e).location.line,
                   c.edges.at(e).source);
        for (int e : c.outgoingEdges(image)) {
            const ConveyorEdge &edge = c.edges.at(e);
            if (edge.target >= 0 && edge.target < c.images.size())
                addRow(tr("Used by"),
                       c.images.at(edge.target).displayName() + QStringLiteral(" (")
                               + stageName(edge.targetStage) + u')',
                       edge.location.line,
                       edge.target);
        }
    }
    const ConveyorModel::Roles readOnly = ConveyorModel::ReadOnlyRole;
    if (index.data(readOnly).toBool()) {
        const QString reason = index.data(ConveyorModel::ReadOnlyReasonRole).toString();
        addRow(tr("Read-only"), reason.isEmpty() ? tr("yes") : reason);
    }
    const QStringList problems = index.data(ConveyorModel::ProblemsRole).toStringList();
    for (const QString &p : problems)
        addRow(tr("Problem"), p);
}

void PropertiesPanel::showInput(const QModelIndex &input)
{
    const StageInput *row = m_model.inputForIndex(input);
    if (!row) {
        showSelection(m_model.imageForIndex(input), m_model.stageForIndex(input));
        return;
    }
    m_tree->clear();
    const Conveyor &c = m_model.conveyor();
    const int image = m_model.imageForIndex(input);
    const StageId stage = *m_model.stageForIndex(input);
    emit selectionShown(image, int(stage));
    const QString directive = input.data(ConveyorModel::DirectiveRole).toString();
    m_title->setText(
            tr("%1 in %2 › %3").arg(directive, c.images.at(image).displayName(), stageName(stage)));
    addRow(tr("Directive"), directive);
    addRow(tr("Value"), row->value, row->location.line, -1, row->location.column);
    addRow(tr("Stage"), stageName(stage));
    addRow(tr("Image"), c.images.at(image).displayName(), 0, image);
    if (row->location.line > 0)
        addRow(tr("Defined at"),
               shortLocation(row->location.file, row->location.line, row->location.column),
               row->location.line,
               -1,
               row->location.column);
    if (row->edge >= 0) {
        const ConveyorEdge &edge = c.edges.at(row->edge);
        addRow(tr("Uses"), m_model.edgeDescription(row->edge), edge.location.line, edge.source);
    }
    if (input.data(ConveyorModel::ReadOnlyRole).toBool()) {
        const QString reason = input.data(ConveyorModel::ReadOnlyReasonRole).toString();
        addRow(tr("Read-only"), reason.isEmpty() ? tr("yes") : reason);
    }
    for (const QString &p : input.data(ConveyorModel::ProblemsRole).toStringList())
        addRow(tr("Problem"), p);
}

} // namespace Stagecraft::Ui
