// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlhighlighter.h"

#include <QRegularExpression>

namespace Stagecraft::Ui {

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setDark(false);
}

YamlHighlighter::~YamlHighlighter() = default;

void YamlHighlighter::setDark(bool dark)
{
    m_key.setForeground(dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x0b, 0x4f, 0x9c));
    m_key.setFontWeight(QFont::DemiBold);
    m_comment.setForeground(dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6a, 0x73, 0x7d));
    m_comment.setFontItalic(true);
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0x8a) : QColor(0x1a, 0x7f, 0x37));
    m_scalar.setForeground(dark ? QColor(0xff, 0xb8, 0x6c) : QColor(0x95, 0x3a, 0x00));
    m_separator.setForeground(dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf));
    m_separator.setFontWeight(QFont::Bold);
    m_template.setForeground(dark ? QColor(0xff, 0x7b, 0x9c) : QColor(0xb3, 0x1d, 0x5a));
    m_template.setBackground(dark ? QColor(0x3a, 0x25, 0x30) : QColor(0xfc, 0xee, 0xf3));
    m_punctuation.setForeground(dark ? QColor(0xa0, 0xa8, 0xb2) : QColor(0x57, 0x60, 0x6a));
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression separator(QStringLiteral("^(---|\\.\\.\\.)\\s*$"));
    static const QRegularExpression key(QStringLiteral(
            "^(\\s*(?:-\\s+)*)([^\\s#'\"{][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:(?=\\s|$)"));
    static const QRegularExpression dash(QStringLiteral("^(\\s*)(-)(?=\\s|$)"));
    static const QRegularExpression
            scalar(QStringLiteral(
                           "(?<=[:\\-\\[,]\\s)(true|false|yes|no|on|off|null|~|-?\\d+(?:\\.\\d+)?)"
                           "\\s*(?=$|#|,|\\])"),
                   QRegularExpression::CaseInsensitiveOption);

    if (separator.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_separator);
        return;
    }
    if (const auto m = dash.match(text); m.hasMatch())
        setFormat(int(m.capturedStart(2)), 1, m_punctuation);
    if (const auto m = key.match(text); m.hasMatch())
        setFormat(int(m.capturedStart(2)), int(m.capturedLength(2)), m_key);
    for (auto it = scalar.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_scalar);
    }

    // Strings and comments: a '#' starts a comment only outside quotes and after a blank.
    QChar quote;
    qsizetype stringStart = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote && (quote == u'\'' || i == 0 || text.at(i - 1) != u'\\')) {
                setFormat(int(stringStart), int(i - stringStart + 1), m_string);
                quote = QChar();
            }
            continue;
        }
        if ((c == u'"' || c == u'\'')
            && (i == 0 || text.at(i - 1).isSpace() || text.at(i - 1) == u'['
                || text.at(i - 1) == u',' || text.at(i - 1) == u':')) {
            quote = c;
            stringStart = i;
            continue;
        }
        if (c == u'#' && (i == 0 || text.at(i - 1).isSpace())) {
            setFormat(int(i), int(text.size() - i), m_comment);
            break;
        }
    }
    if (!quote.isNull())
        setFormat(int(stringStart), int(text.size() - stringStart), m_string);

    // Template actions win over everything: they can sit in keys, values and comments alike.
    static const QRegularExpression action(QStringLiteral("\\{\\{.*?\\}\\}"));
    for (auto it = action.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_template);
    }
}

} // namespace Stagecraft::Ui
