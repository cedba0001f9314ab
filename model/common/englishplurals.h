// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTranslator>

namespace Stagecraft::Model {

/**
 * The English plural forms of the source strings: "%n image(s)" reads "1 image" and "2 images".
 *
 * The sources are English and mark every countable noun "(s)" (the convention lupdate's numerus
 * entries are written in), so the English forms follow from the text itself instead of a
 * -pluralonly .ts file that would have to be kept in step with every new %n string. Install it
 * before the translators of the user's language: Qt asks the translator installed last first,
 * so a real translation wins and this only fills in where there is none.
 */
class EnglishPlurals final : public QTranslator
{
    Q_OBJECT

public:
    explicit EnglishPlurals(QObject *parent = nullptr);

    /** The form of a source text for the count n; empty (no translation) when n < 0 or no "(s)". */
    static QString pluralForm(const QString &sourceText, int n);

    QString translate(const char *context,
                      const char *sourceText,
                      const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }
};

} // namespace Stagecraft::Model
