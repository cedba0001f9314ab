// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Stagecraft::Ui {

/** YAML with Go-template actions: keys, comments, strings, scalars, `---`, `{{ … }}`. */
class YamlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YamlHighlighter)

public:
    explicit YamlHighlighter(QTextDocument *document);
    ~YamlHighlighter() override;

    /** Picks colours that read well on a dark (true) or light background. */
    void setDark(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_comment;
    QTextCharFormat m_string;
    QTextCharFormat m_scalar;
    QTextCharFormat m_separator;
    QTextCharFormat m_template;
    QTextCharFormat m_punctuation;
};

} // namespace Stagecraft::Ui
