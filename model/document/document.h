// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/configloader.h"
#include "config/incrementalloader.h"
#include "document/configeditor.h"
#include "document/textedit.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <optional>

class QFileSystemWatcher;
class QTimer;
class QUndoStack;

namespace Stagecraft::Model {

/**
 * An open werf.yaml: its text (the single source of truth), the undo stack of edits, and the
 * latest run of the load pipeline (render → YAML → config → conveyor) over that text.
 *
 * Every change is a TextEditCommand on the undo stack; after it the pipeline reruns (at once,
 * or after reparseDelay() for typing) and projectChanged() is emitted. The modified state is
 * the undo stack's clean state. Saving goes through QSaveFile and writes the text byte for byte
 * (a UTF-8 BOM the file had is kept); a copy of unsaved text is written to a recovery file
 * from time to time and removed once the text is saved or closed unmodified. A change of the
 * file by another program is reported by changedOnDisk() and never overwritten silently.
 */
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    /** Reads a werf.yaml (or the werf.yaml of a project directory). */
    bool open(const QString &path, QString *error = nullptr);
    /** Starts from bytes in memory (a BOM is split off), as if read from path. */
    void setContent(const QString &path, const QByteArray &bytes);

    QString filePath() const { return m_path; }
    /** The text without a BOM: the offsets of every Span refer to it. */
    const QByteArray &text() const { return m_text; }
    /** What save() writes: BOM (if the file had one) + text. */
    QByteArray fileBytes() const;
    bool hasBom() const { return m_bom; }
    /** "\r\n" when the text's first line break is CRLF, else "\n". */
    QByteArray lineEnding() const;
    bool hasFinalNewline() const { return m_text.endsWith('\n'); }

    void setLoadOptions(const LoadOptions &options);
    /** The latest pipeline run over text(). */
    const LoadedProject &project() const { return m_project; }
    /** The latest run without errors (what the graph keeps showing during a broken edit). */
    const LoadedProject &lastGoodProject() const { return m_lastGood; }
    bool hasGoodProject() const { return m_hasGood; }
    /** How the latest pipeline run went (incremental or whole, and its timings). */
    const ReloadStats &reloadStats() const { return m_reloadStats; }

    QUndoStack *undoStack() const { return m_undo; }
    bool isModified() const;

    /** Pushes the edits of an editor request as one undoable gesture; false when refused. */
    bool apply(const EditResult &result, const QString &description, QString *error = nullptr);
    /** Pushes raw source edits as one undoable gesture. */
    bool applyEdits(const TextEdits &edits, const QString &description);
    /**
     * One keystroke (or paste) from the source editor: merged with the typing before it into
     * one undo step, re-parsed after reparseDelay().
     */
    void typeText(qint64 offset, qint64 length, const QByteArray &replacement);
    /**
     * The source editor's whole text, whose line breaks are all '\n' (the editor shows lines,
     * not carriage returns): typed as the smallest edit of text(), its new line breaks written
     * in the document's line ending and the untouched ones left as they were.
     */
    void typeEditorText(const QString &editorText);
    /** Replaces the whole text by the smallest edit that turns it into `text`. */
    bool replaceText(const QByteArray &text, const QString &description);

    /** A ConfigEditor over the latest project (valid until the next change). */
    ConfigEditor editor() const;

    int reparseDelay() const { return m_reparseDelay; }
    void setReparseDelay(int milliseconds) { m_reparseDelay = milliseconds; }
    /** Runs a pending debounced re-parse now. */
    void reparseNow();
    bool reparsePending() const;

    /**
     * Saves to filePath(). Refuses when the file changed on disk since it was read or saved,
     * unless overwriteExternalChange.
     */
    bool save(QString *error = nullptr, bool overwriteExternalChange = false);
    /** Saves to another path, which becomes filePath(). */
    bool saveAs(const QString &path, QString *error = nullptr);

    /** True when the file's bytes differ from those last read or saved. */
    bool isChangedOnDisk() const;
    /** Replaces the text with the file's current content (one undoable step) and marks it clean. */
    bool reloadFromDisk(QString *error = nullptr);

    /** Where unsaved text of a file is kept: AppDataLocation/recovery/<sha1 of the path>.yaml. */
    static QString recoveryFilePathFor(const QString &path);
    QString recoveryFilePath() const { return recoveryFilePathFor(m_path); }
    /** The recovery text left for path by a session that did not close it, if any. */
    static std::optional<QByteArray> recoveryFor(const QString &path);
    /** Writes the recovery file now (only when modified). */
    bool writeRecovery();
    void discardRecovery();
    /** Replaces the text with the recovery file's (one undoable step, left modified). */
    bool restoreRecovery(QString *error = nullptr);
    /** Autosave period in milliseconds; 0 turns it off (default 30 s). */
    void setAutosaveInterval(int milliseconds);

Q_SIGNALS:
    /** The text changed (before the re-parse). */
    void textChanged();
    /** A pipeline run finished; project() is new. */
    void projectChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    /** The text was written to path: the new baseline of "what changed since saved". */
    void saved(const QString &path);
    /** Another program changed (or removed) the file. */
    void changedOnDisk();

private:
    friend class TextEditCommand;
    /** Called by the undo commands. */
    void applyRaw(const TextEdits &edits, bool deferReparse);
    void reparse();
    void watch();
    void onFileChanged();
    static QByteArray hashOf(const QByteArray &bytes);
    std::optional<QByteArray> readDisk() const;

    QString m_path;
    QByteArray m_text;
    bool m_bom = false;
    LoadOptions m_options;
    IncrementalLoader m_loader;
    ReloadStats m_reloadStats;
    LoadedProject m_project;
    LoadedProject m_lastGood;
    bool m_hasGood = false;
    QUndoStack *m_undo = nullptr;
    QTimer *m_reparseTimer = nullptr;
    QTimer *m_autosaveTimer = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QByteArray m_diskHash;
    bool m_diskReported = false;
    int m_reparseDelay = 250;
};

} // namespace Stagecraft::Model
