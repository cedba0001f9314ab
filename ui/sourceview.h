// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"

#include <QPlainTextEdit>

namespace Stagecraft::Ui {

class YamlHighlighter;

/**
 * The werf.yaml text: YAML highlighting, line numbers, problem markers in the gutter and under
 * the text, and the lines of the selected image marked. Read-only until setEditable(true); then
 * every change the user makes is reported by textEdited() (not the ones setSource() makes).
 */
class SourceView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceView)

public:
    explicit SourceView(QWidget *parent = nullptr);
    ~SourceView() override;

    /** Shows a text; a text equal to the shown one is left alone (cursor and scroll stay). */
    void setSource(const QString &fileName, const QByteArray &text);
    /** Lets the user type (the document editor); false keeps the view read-only. */
    void setEditable(bool editable);
    QString fileName() const { return m_fileName; }
    /** Problems located in this file get markers. */
    void setProblems(const Model::Diagnostics &diagnostics);
    /** Moves the cursor to a 1-based line and column and centres it. */
    void goTo(int line, int column = 1);
    /** Marks a range of lines (the selected image's document); 0 clears. */
    void setMarkedLines(int first, int last);
    int currentLine() const;

    int lineNumberAreaWidth() const;
    void paintLineNumberArea(QPaintEvent *event);

signals:
    /** The user moved the cursor (click or keys) to a line. */
    void lineActivated(int line);
    /** The user changed the text (typing, paste, undo inside the editor widget). */
    void textEdited();

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;

private:
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateExtraSelections();

    QWidget *m_lineNumberArea = nullptr;
    YamlHighlighter *m_highlighter = nullptr;
    QString m_fileName;
    QHash<int, QString> m_problemLines; // line → messages
    QHash<int, bool> m_errorLines;      // line → is an error (not only warnings)
    int m_markedFirst = 0;
    int m_markedLast = 0;
    QString m_shownFile;
    bool m_settingSource = false;
};

} // namespace Stagecraft::Ui
