// SPDX-License-Identifier: GPL-3.0-or-later
#include "buildregistryoptions.h"

#include "storage/credentialstore.h"
#include "storage/dockercredentials.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QMutexLocker>
#include <QTextStream>

namespace Stagecraft::Ui {

BuildRegistryOptions::BuildRegistryOptions() = default;
BuildRegistryOptions::~BuildRegistryOptions() = default;

QList<QCommandLineOption> BuildRegistryOptions::options()
{
    return {
            QCommandLineOption(QStringLiteral("insecure-registry"),
                               tr("Reach this registry over plain http or unverified TLS "
                                  "(repeatable)."),
                               QStringLiteral("HOST:PORT")),
            QCommandLineOption(QStringLiteral("ca-file"),
                               tr("Trust the CA certificates of this PEM file for registries."),
                               QStringLiteral("FILE")),
    };
}

bool BuildRegistryOptions::apply(const QCommandLineParser &parser,
                                 Model::BuildOptions &options,
                                 QTextStream &err)
{
    options.insecureRegistries = parser.values(QStringLiteral("insecure-registry"));
    options.caFile = parser.value(QStringLiteral("ca-file"));
    if (!options.caFile.isEmpty() && !QFileInfo(options.caFile).isReadable()) {
        err << tr("cannot read the CA file %1").arg(options.caFile) << u'\n';
        return false;
    }
    QStringList problems;
    const Model::CredentialProvider dockerConfig = Model::dockerConfigCredentials(&problems);
    for (const QString &problem : std::as_const(problems))
        err << problem << u'\n';
    options.credentials = dockerConfig;
    // Without a session bus there is no Secret Service to ask.
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        m_keychain = std::make_unique<Model::CredentialStore>();
        const auto onError = [this](const QString &host, const QString &message) {
            const QMutexLocker locker(&m_mutex);
            m_problems << tr("warning: keychain (%1): %2").arg(host, message);
        };
        options.credentials = Model::CredentialStore::chain(
                {m_keychain->provider(std::chrono::seconds(5),
                                      Model::CredentialStore::SameThread::AnswerNothing,
                                      onError),
                 dockerConfig});
    }
    return true;
}

QStringList BuildRegistryOptions::problems() const
{
    const QMutexLocker locker(&m_mutex);
    return m_problems;
}

} // namespace Stagecraft::Ui
