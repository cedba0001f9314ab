// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "build/buildoptions.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QMutex>
#include <QStringList>

#include <memory>

class QCommandLineParser;
class QTextStream;

namespace Stagecraft::Model {
class CredentialStore;
}

namespace Stagecraft::Ui {

/**
 * `stagecraft build PATH --storage REPO`: how the build reaches a registry stages storage
 * (--insecure-registry, --ca-file) and where its credentials come from: the system keychain
 * when a session bus is there, then docker's config (~/.docker/config.json), as for
 * `plan --storage`. Keep the object alive while the build runs: the keychain answers through
 * it in this thread's event loop.
 */
class BuildRegistryOptions
{
    Q_DECLARE_TR_FUNCTIONS(Stagecraft::Ui::CommandLine)

public:
    BuildRegistryOptions();
    ~BuildRegistryOptions();

    static QList<QCommandLineOption> options();

    /** Fills the registry fields of `options`; false after a usage error (printed to err). */
    bool apply(const QCommandLineParser &parser, Model::BuildOptions &options, QTextStream &err);
    /** The keychain's problems so far, as "warning: …" lines (never a secret). */
    QStringList problems() const;

private:
    std::unique_ptr<Model::CredentialStore> m_keychain;
    mutable QMutex m_mutex;
    QStringList m_problems;
};

} // namespace Stagecraft::Ui
