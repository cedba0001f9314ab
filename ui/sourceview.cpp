// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourceview.h"

#include "yamlhighlighter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

namespace {

class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(SourceView *view)
        : QWidget(view)
        , m_view(view)
    {}
    QSize sizeHint() const override { return {m_view->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintLineNumberArea(event); }

private:
    SourceView *m_view;
};

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

SourceView::SourceView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumberArea(new LineNumberArea(this))
    , m_highlighter(new YamlHighlighter(document()))
{
    setObjectName(QStringLiteral("sourceView"));
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter->setDark(isDark(palette()));
    connect(this, &QPlainTextEdit::blockCountChanged, this, &SourceView::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &SourceView::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &SourceView::updateExtraSelections);
    connect(document(), &QTextDocument::contentsChanged, this, [this] {
        if (!m_settingSource && !isReadOnly())
            emit textEdited();
    });
    updateLineNumberAreaWidth();
}

SourceView::~SourceView() = default;

void SourceView::setSource(const QString &fileName, const QByteArray &text)
{
    m_fileName = fileName;
    m_problemLines.clear();
    m_errorLines.clear();
    m_markedFirst = m_markedLast = 0;
    QString content = QString::fromUtf8(text);
    // CRLF files: the editor shows lines, not carriage returns.
    content.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QString shown = document()->toRawText();
    shown.replace(QChar::ParagraphSeparator, u'\n');
    if (shown != content) {
        const bool sameFile = fileName == m_shownFile;
        m_settingSource = true;
        if (sameFile) {
            // An undo or a visual edit changes a few lines: replace only those, so that the
            // highlighter redoes just them and the cursor and the scroll stay where they were
            // (setPlainText() of a large file took longer than the whole re-parse).
            qsizetype prefix = 0;
            const qsizetype a = shown.size();
            const qsizetype b = content.size();
            while (prefix < a && prefix < b && shown.at(prefix) == content.at(prefix))
                ++prefix;
            if (prefix > 0 && shown.at(prefix - 1).isHighSurrogate())
                --prefix;
            qsizetype suffix = 0;
            while (suffix < a - prefix && suffix < b - prefix
                   && shown.at(a - 1 - suffix) == content.at(b - 1 - suffix))
                ++suffix;
            if (suffix > 0 && shown.at(a - suffix).isLowSurrogate())
                --suffix;
            QTextCursor edit(document());
            edit.setPosition(int(prefix));
            edit.setPosition(int(a - suffix), QTextCursor::KeepAnchor);
            edit.insertText(content.mid(prefix, b - prefix - suffix));
            m_settingSource = false;
            m_shownFile = fileName;
            updateExtraSelections();
            return;
        }
        // Highlighting a large file while it is inserted would hold up the window's first
        // paint; detached, the highlighter re-highlights from a 0 timer, after the posted paint
        // events.
        m_highlighter->setDocument(nullptr);
        setPlainText(content);
        m_highlighter->setDocument(document());
        m_settingSource = false;
    }
    m_shownFile = fileName;
    updateExtraSelections();
}

void SourceView::setProblems(const Diagnostics &diagnostics)
{
    m_problemLines.clear();
    m_errorLines.clear();
    for (const Diagnostic &d : diagnostics) {
        if (d.location.line <= 0)
            continue;
        if (!m_fileName.isEmpty() && !d.location.file.isEmpty()
            && !m_fileName.endsWith(d.location.file) && !d.location.file.endsWith(m_fileName))
            continue;
        QString &text = m_problemLines[d.location.line];
        if (!text.isEmpty())
            text += u'\n';
        text += severityName(d.severity) + QStringLiteral(": ") + d.message;
        m_errorLines[d.location.line] = m_errorLines.value(d.location.line)
                                        || d.severity == Severity::Error;
    }
    updateExtraSelections();
    m_lineNumberArea->update();
}

bool SourceView::event(QEvent *event)
{
    // Undo and redo belong to the document (the window's actions), not to the text widget.
    if (event->type() == QEvent::ShortcutOverride && !isReadOnly()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            event->ignore();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void SourceView::setEditable(bool editable)
{
    setReadOnly(!editable);
    setTextInteractionFlags(editable ? Qt::TextEditorInteraction
                                     : Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // The document's undo stack is the one undo history; the widget's own would fight it.
    setUndoRedoEnabled(!editable);
}

void SourceView::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right,
                        QTextCursor::MoveAnchor,
                        std::clamp(column - 1, 0, std::max(0, block.length() - 1)));
    setTextCursor(cursor);
    centerCursor();
}

void SourceView::setMarkedLines(int first, int last)
{
    m_markedFirst = first;
    m_markedLast = last;
    updateExtraSelections();
    m_lineNumberArea->update();
}

int SourceView::currentLine() const
{
    return textCursor().blockNumber() + 1;
}

int SourceView::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 14 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(digits, 3) + 6;
}

void SourceView::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void SourceView::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy != 0)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void SourceView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumberArea->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void SourceView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setDark(isDark(palette()));
        updateExtraSelections();
    }
    QPlainTextEdit::changeEvent(event);
}

void SourceView::mouseReleaseEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    if (!textCursor().hasSelection())
        emit lineActivated(currentLine());
}

void SourceView::keyReleaseEvent(QKeyEvent *event)
{
    QPlainTextEdit::keyReleaseEvent(event);
    emit lineActivated(currentLine());
}

void SourceView::paintLineNumberArea(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber() + 1;
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int current = currentLine();
    const bool dark = isDark(pal);
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            if (number >= m_markedFirst && number <= m_markedLast && m_markedFirst > 0) {
                QColor mark = pal.color(QPalette::Highlight);
                painter.fillRect(QRect(m_lineNumberArea->width() - 3, top, 3, bottom - top), mark);
            }
            if (m_problemLines.contains(number)) {
                const QColor c = m_errorLines.value(number) ? QColor(0xd5, 0x3e, 0x00)
                                                            : QColor(0xe6, 0x9f, 0x00);
                const int d = std::min(9, bottom - top - 4);
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(c);
                painter.drawEllipse(QRect(3, top + (bottom - top - d) / 2, d, d));
            }
            painter.setPen(number == current
                                   ? pal.color(QPalette::Text)
                                   : (dark ? QColor(0x80, 0x88, 0x92) : QColor(0x8c, 0x95, 0x9f)));
            painter.setFont(font());
            painter.drawText(0,
                             top,
                             m_lineNumberArea->width() - 8,
                             fontMetrics().height(),
                             Qt::AlignRight,
                             QString::number(number));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

void SourceView::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    if (m_markedFirst > 0) {
        QColor mark = pal.color(QPalette::Highlight);
        mark.setAlphaF(dark ? 0.16f : 0.08f);
        for (int line = m_markedFirst; line <= m_markedLast; ++line) {
            const QTextBlock block = document()->findBlockByNumber(line - 1);
            if (!block.isValid())
                break;
            QTextEdit::ExtraSelection s;
            s.format.setBackground(mark);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            s.cursor = QTextCursor(block);
            selections.append(s);
        }
    }
    {
        QTextEdit::ExtraSelection s;
        QColor line = pal.color(QPalette::Highlight);
        line.setAlphaF(dark ? 0.28f : 0.16f);
        s.format.setBackground(line);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.cursor = textCursor();
        s.cursor.clearSelection();
        selections.append(s);
    }
    for (auto it = m_problemLines.cbegin(); it != m_problemLines.cend(); ++it) {
        const QTextBlock block = document()->findBlockByNumber(it.key() - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection s;
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(m_errorLines.value(it.key()) ? QColor(0xd5, 0x3e, 0x00)
                                                                : QColor(0xe6, 0x9f, 0x00));
        s.format.setToolTip(it.value());
        s.cursor = QTextCursor(block);
        s.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        selections.append(s);
    }
    setExtraSelections(selections);
}

} // namespace Stagecraft::Ui
