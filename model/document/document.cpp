// SPDX-License-Identifier: GPL-3.0-or-later
#include "document.h"

#include "common/tr.h"
#include "document/textcommand.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>

namespace Stagecraft::Model {

namespace {

const QByteArray utf8Bom = QByteArrayLiteral("\xEF\xBB\xBF");

} // namespace

Document::Document(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
    , m_reparseTimer(new QTimer(this))
    , m_autosaveTimer(new QTimer(this))
    , m_watcher(new QFileSystemWatcher(this))
{
    m_reparseTimer->setSingleShot(true);
    connect(m_reparseTimer, &QTimer::timeout, this, &Document::reparse);
    m_autosaveTimer->setInterval(30'000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &Document::writeRecovery);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean)
            discardRecovery();
        Q_EMIT modifiedChanged(!clean);
    });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &Document::onFileChanged);
}

Document::~Document()
{
    // A document closed unmodified leaves nothing to recover; a modified one leaves its
    // recovery file unless the caller discarded it (the "Discard" answer on close).
    if (!isModified())
        discardRecovery();
}

bool Document::open(const QString &path, QString *error)
{
    QString file = path;
    if (QFileInfo(path).isDir()) {
        file = findConfigFile(path);
        if (file.isEmpty()) {
            if (error)
                *error = Tr::tr("%1: no werf.yaml or werf.yml in the directory").arg(path);
            return false;
        }
    }
    QFile f(file);
    if (QFileInfo(file).size() > maxConfigFileSize) {
        if (error)
            *error = Tr::tr("%1: the file is too large").arg(file);
        return false;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("%1: cannot read: %2").arg(file, f.errorString());
        return false;
    }
    setContent(QFileInfo(file).absoluteFilePath(), f.read(maxConfigFileSize + 1));
    return true;
}

void Document::setContent(const QString &path, const QByteArray &bytes)
{
    m_reparseTimer->stop();
    m_undo->clear();
    const bool pathChanged = path != m_path;
    m_path = path;
    m_bom = bytes.startsWith(utf8Bom);
    m_text = m_bom ? bytes.mid(utf8Bom.size()) : bytes;
    m_diskHash = hashOf(bytes);
    m_diskReported = false;
    m_hasGood = false;
    m_undo->setClean();
    watch();
    if (pathChanged)
        Q_EMIT filePathChanged(m_path);
    Q_EMIT textChanged();
    reparse();
}

QByteArray Document::fileBytes() const
{
    return m_bom ? utf8Bom + m_text : m_text;
}

QByteArray Document::lineEnding() const
{
    const qsizetype lf = m_text.indexOf('\n');
    return lf > 0 && m_text.at(lf - 1) == '\r' ? QByteArrayLiteral("\r\n")
                                               : QByteArrayLiteral("\n");
}

void Document::setLoadOptions(const LoadOptions &options)
{
    m_options = options;
    m_loader.reset(); // a custom renderer is not comparable: load the whole text once
    reparse();
}

bool Document::isModified() const
{
    return !m_undo->isClean();
}

bool Document::apply(const EditResult &result, const QString &description, QString *error)
{
    if (!result.ok()) {
        if (error)
            *error = result.error->toString();
        return false;
    }
    if (result.edits.isEmpty())
        return true;
    QByteArray probe = m_text;
    if (!applyTextEdits(probe, result.edits)) {
        if (error)
            *error = Tr::tr("the edits overlap or lie outside the text");
        return false;
    }
    return applyEdits(result.edits, description);
}

bool Document::applyEdits(const TextEdits &edits, const QString &description)
{
    QByteArray probe = m_text;
    if (!applyTextEdits(probe, edits))
        return false;
    // Visual edits show their result at once: flush pending typing first.
    reparseNow();
    m_undo->push(new TextEditCommand(this, edits, description, false));
    return true;
}

void Document::typeText(qint64 offset, qint64 length, const QByteArray &replacement)
{
    const TextEdits edits{{offset, length, replacement}};
    QByteArray probe = m_text;
    if (!applyTextEdits(probe, edits))
        return;
    m_undo->push(new TextEditCommand(this, edits, Tr::tr("Typing"), true));
}

void Document::typeEditorText(const QString &editorText)
{
    const QByteArray typed = editorText.toUtf8();
    // The text as the editor sees it (CRLF → LF), and where each dropped '\r' was.
    QByteArray shown;
    shown.reserve(m_text.size());
    QList<qint64> droppedBefore; // shown offsets of the '\n' whose '\r' was dropped
    for (qint64 i = 0; i < m_text.size(); ++i) {
        const char c = m_text.at(i);
        if (c == '\r' && i + 1 < m_text.size() && m_text.at(i + 1) == '\n') {
            droppedBefore.append(shown.size());
            continue;
        }
        shown += c;
    }
    if (shown == typed)
        return;
    qint64 prefix = 0;
    const qint64 a = shown.size();
    const qint64 b = typed.size();
    while (prefix < a && prefix < b && shown.at(prefix) == typed.at(prefix))
        ++prefix;
    // Do not split a UTF-8 sequence: neither kept part may start with a continuation byte.
    auto continuation = [](const QByteArray &t, qint64 i) {
        return i < t.size() && (uchar(t.at(i)) & 0xC0) == 0x80;
    };
    while (prefix > 0 && (continuation(shown, prefix) || continuation(typed, prefix)))
        --prefix;
    qint64 suffix = 0;
    while (suffix < a - prefix && suffix < b - prefix
           && shown.at(a - 1 - suffix) == typed.at(b - 1 - suffix))
        ++suffix;
    while (suffix > 0 && (continuation(shown, a - suffix) || continuation(typed, b - suffix)))
        --suffix;
    // Shown offsets → text offsets: add the '\r's dropped before them. A '\r' belongs to its
    // '\n': it goes with the '\n' when that is replaced and stays when the '\n' stays.
    auto toText = [&](qint64 offset) {
        const auto it = std::lower_bound(droppedBefore.cbegin(), droppedBefore.cend(), offset);
        return offset + qint64(it - droppedBefore.cbegin());
    };
    const qint64 start = toText(prefix);
    const qint64 end = toText(a - suffix);
    QByteArray replacement = typed.mid(prefix, b - prefix - suffix);
    const QByteArray eol = lineEnding();
    if (eol != "\n")
        replacement.replace("\n", eol);
    typeText(start, end - start, replacement);
}

bool Document::replaceText(const QByteArray &text, const QString &description)
{
    if (text == m_text)
        return true;
    // The smallest single edit: common prefix and suffix stay.
    qint64 prefix = 0;
    const qint64 a = m_text.size();
    const qint64 b = text.size();
    while (prefix < a && prefix < b && m_text.at(prefix) == text.at(prefix))
        ++prefix;
    qint64 suffix = 0;
    while (suffix < a - prefix && suffix < b - prefix
           && m_text.at(a - 1 - suffix) == text.at(b - 1 - suffix))
        ++suffix;
    return applyEdits({{prefix, a - prefix - suffix, text.mid(prefix, b - prefix - suffix)}},
                      description);
}

ConfigEditor Document::editor() const
{
    return ConfigEditor(m_project);
}

void Document::applyRaw(const TextEdits &edits, bool deferReparse)
{
    applyTextEdits(m_text, edits);
    Q_EMIT textChanged();
    if (deferReparse && m_reparseDelay > 0) {
        m_reparseTimer->start(m_reparseDelay);
    } else {
        m_reparseTimer->stop();
        reparse();
    }
    if (isModified() && m_autosaveTimer->interval() > 0 && !m_autosaveTimer->isActive())
        m_autosaveTimer->start();
}

void Document::reparseNow()
{
    if (m_reparseTimer->isActive()) {
        m_reparseTimer->stop();
        reparse();
    }
}

bool Document::reparsePending() const
{
    return m_reparseTimer->isActive();
}

void Document::reparse()
{
    // Only the documents an edit touched are decoded again; the result is the same as
    // loadText() of the whole text (reloadText() falls back to it when it cannot reuse).
    m_project = m_loader.load(m_path, m_text, m_options, &m_reloadStats);
    if (m_project.ok()) {
        m_lastGood = m_project;
        m_hasGood = true;
    }
    Q_EMIT projectChanged();
}

QByteArray Document::hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

std::optional<QByteArray> Document::readDisk() const
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.read(maxConfigFileSize + 1);
}

void Document::watch()
{
    const QStringList watched = m_watcher->files();
    if (!watched.isEmpty())
        m_watcher->removePaths(watched);
    if (!m_path.isEmpty() && QFileInfo::exists(m_path))
        m_watcher->addPath(m_path);
}

void Document::onFileChanged()
{
    // An atomic save by another program replaces the file: watch the new one.
    if (!m_watcher->files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher->addPath(m_path);
    if (!isChangedOnDisk()) {
        m_diskReported = false;
        return;
    }
    if (m_diskReported)
        return;
    m_diskReported = true;
    Q_EMIT changedOnDisk();
}

bool Document::isChangedOnDisk() const
{
    if (m_path.isEmpty())
        return false;
    const std::optional<QByteArray> bytes = readDisk();
    if (!bytes)
        return !m_diskHash.isEmpty(); // removed (or unreadable) since it was read
    return hashOf(*bytes) != m_diskHash;
}

bool Document::reloadFromDisk(QString *error)
{
    const std::optional<QByteArray> bytes = readDisk();
    if (!bytes) {
        if (error)
            *error = Tr::tr("%1: cannot read the file").arg(m_path);
        return false;
    }
    const bool bom = bytes->startsWith(utf8Bom);
    const QByteArray text = bom ? bytes->mid(utf8Bom.size()) : *bytes;
    m_bom = bom;
    replaceText(text, Tr::tr("Reload from Disk"));
    m_diskHash = hashOf(*bytes);
    m_diskReported = false;
    m_undo->setClean();
    return true;
}

bool Document::save(QString *error, bool overwriteExternalChange)
{
    if (m_path.isEmpty()) {
        if (error)
            *error = Tr::tr("the document has no file name");
        return false;
    }
    if (!overwriteExternalChange && QFileInfo::exists(m_path) && isChangedOnDisk()) {
        if (error)
            *error = Tr::tr("%1 was changed by another program since it was read; reload it "
                            "or overwrite it explicitly")
                             .arg(m_path);
        return false;
    }
    return saveAs(m_path, error);
}

bool Document::saveAs(const QString &path, QString *error)
{
    const QByteArray bytes = fileBytes();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Tr::tr("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = Tr::tr("%1: cannot write: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const bool pathChanged = absolute != m_path;
    if (pathChanged)
        discardRecovery();
    m_path = absolute;
    m_diskHash = hashOf(bytes);
    m_diskReported = false;
    watch();
    m_undo->setClean();
    discardRecovery();
    m_autosaveTimer->stop();
    if (pathChanged) {
        Q_EMIT filePathChanged(m_path);
        reparse(); // the project directory (and so .Files) may differ
    }
    Q_EMIT saved(m_path);
    return true;
}

QString Document::recoveryFilePathFor(const QString &path)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                        + QStringLiteral("/recovery");
    const QByteArray key = QCryptographicHash::hash(QFileInfo(path).absoluteFilePath().toUtf8(),
                                                    QCryptographicHash::Sha1)
                                   .toHex();
    return dir + u'/' + QString::fromLatin1(key) + QStringLiteral(".yaml");
}

std::optional<QByteArray> Document::recoveryFor(const QString &path)
{
    QFile f(recoveryFilePathFor(path));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}

bool Document::writeRecovery()
{
    m_autosaveTimer->stop();
    if (!isModified() || m_path.isEmpty())
        return false;
    const QString target = recoveryFilePath();
    QDir().mkpath(QFileInfo(target).absolutePath());
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(fileBytes());
    return file.commit();
}

void Document::discardRecovery()
{
    if (!m_path.isEmpty())
        QFile::remove(recoveryFilePath());
}

bool Document::restoreRecovery(QString *error)
{
    const std::optional<QByteArray> bytes = recoveryFor(m_path);
    if (!bytes) {
        if (error)
            *error = Tr::tr("no recovery file for %1").arg(m_path);
        return false;
    }
    const bool bom = bytes->startsWith(utf8Bom);
    m_bom = bom;
    return replaceText(bom ? bytes->mid(utf8Bom.size()) : *bytes, Tr::tr("Recover Unsaved Changes"));
}

void Document::setAutosaveInterval(int milliseconds)
{
    m_autosaveTimer->stop();
    m_autosaveTimer->setInterval(milliseconds);
    if (milliseconds > 0 && isModified())
        m_autosaveTimer->start();
}

} // namespace Stagecraft::Model
