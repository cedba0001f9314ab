// SPDX-License-Identifier: GPL-3.0-or-later
#include "englishplurals.h"

namespace Stagecraft::Model {

EnglishPlurals::EnglishPlurals(QObject *parent)
    : QTranslator(parent)
{}

QString EnglishPlurals::pluralForm(const QString &sourceText, int n)
{
    static const QString marker = QStringLiteral("(s)");
    if (n < 0 || !sourceText.contains(marker))
        return {};
    // English has two forms: one, and everything else (0 images, 2 images).
    QString form = sourceText;
    form.replace(marker, n == 1 ? QString() : QStringLiteral("s"));
    return form;
}

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (!sourceText)
        return {};
    return pluralForm(QString::fromUtf8(sourceText), n);
}

} // namespace Stagecraft::Model
