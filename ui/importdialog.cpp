// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

ImportDialog::ImportDialog(const ImportSpec &proposal,
                           const QString &source,
                           const QString &target,
                           QWidget *parent)
    : QDialog(parent)
    , m_proposal(proposal)
    , m_add(new QLineEdit(proposal.add))
    , m_to(new QLineEdit(proposal.to))
    , m_place(new QComboBox)
    , m_stage(new QComboBox)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import from %1").arg(source));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Copy files of %1 into %2. werf needs the path to copy (add); "
                                "to defaults to the same path.")
                                     .arg(source, target));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_add->setObjectName(QStringLiteral("importAdd"));
    m_to->setObjectName(QStringLiteral("importTo"));
    m_place->setObjectName(QStringLiteral("importPlace"));
    m_stage->setObjectName(QStringLiteral("importStage"));
    for (const auto &[verb, what] : {std::pair{"before", "install"},
                                     std::pair{"after", "install"},
                                     std::pair{"before", "setup"},
                                     std::pair{"after", "setup"}}) {
        const QString v = QString::fromLatin1(verb);
        const QString w = QString::fromLatin1(what);
        m_place->addItem(tr("%1: %2").arg(v, w), QStringList{v, w});
        if ((v == u"before" && proposal.before == w) || (v == u"after" && proposal.after == w))
            m_place->setCurrentIndex(m_place->count() - 1);
    }
    m_stage->addItem(tr("(last stage)"), QString());
    for (const char *s : {"beforeInstall", "install", "beforeSetup", "setup"}) {
        m_stage->addItem(QString::fromLatin1(s), QString::fromLatin1(s));
        if (proposal.stage == QString::fromLatin1(s))
            m_stage->setCurrentIndex(m_stage->count() - 1);
    }
    form->addRow(tr("add:"), m_add);
    form->addRow(tr("to:"), m_to);
    form->addRow(tr("Imported:"), m_place);
    form->addRow(tr("From stage:"), m_stage);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("importButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_add, &QLineEdit::textChanged, this, &ImportDialog::updateOk);
    updateOk();
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::updateOk()
{
    if (auto *box = findChild<QDialogButtonBox *>(QStringLiteral("importButtons")))
        box->button(QDialogButtonBox::Ok)->setEnabled(!m_add->text().trimmed().isEmpty());
}

ImportSpec ImportDialog::spec() const
{
    ImportSpec spec = m_proposal;
    spec.add = m_add->text().trimmed();
    spec.to = m_to->text().trimmed();
    // `to` equal to `add` is what werf does without it: leave it out then.
    if (spec.to == spec.add)
        spec.to.clear();
    const QStringList place = m_place->currentData().toStringList();
    spec.before.clear();
    spec.after.clear();
    if (place.size() == 2)
        (place.first() == u"before" ? spec.before : spec.after) = place.last();
    spec.stage = m_stage->currentData().toString();
    return spec;
}

} // namespace Stagecraft::Ui
