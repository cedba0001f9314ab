// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace Stagecraft::Model {

/**
 * How long each stage of a project took when it was last built ("image/stage" → ms), kept
 * between builds for the progress estimate of the next one.
 *
 * One JSON file per project in the user's cache directory (QStandardPaths::CacheLocation +
 * "/stage-durations"), named after a hash of the project's config file path; never inside the
 * project. The GUI and `stagecraft build` share it.
 */
class StageDurations
{
public:
    /** `configFile`: the project's werf.yaml (made absolute and canonical when it exists). */
    explicit StageDurations(const QString &configFile, const QString &directory = {});

    static QString defaultDirectory();
    QString filePath() const { return m_filePath; }

    /** The stored durations; empty when there are none or the file cannot be read. */
    QHash<QString, qint64> load() const;
    /** Stores these durations over the stored ones (other stages keep theirs). */
    bool merge(const QHash<QString, qint64> &durations, QString *error = nullptr) const;

private:
    QString m_configFile;
    QString m_filePath;
};

} // namespace Stagecraft::Model
