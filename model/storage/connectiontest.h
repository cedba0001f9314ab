// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registryaccess.h"

#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace Stagecraft::Model {

/** What "Test connection" checks: one registry host with its options and credentials. */
struct ConnectionTestRequest
{
    /** "127.0.0.1:5000", "registry.example.com"; a path after the host ("host/project/stages")
     *  names the repository when `repository` is empty. */
    QString address;
    /** A repository on that host whose tag list is read ("project/stages"); empty = none. */
    QString repository;
    RegistryHostOptions options;
    std::optional<RegistryCredentials> credentials;
    int timeoutMs = 10000; ///< per request without progress, and three times that in all
};

/** The answer of a connection test, worded for the user (never with the secret in it). */
struct ConnectionTestResult
{
    enum class Outcome {
        Reachable,           ///< /v2/ answered 200 (anonymously or with the credentials)
        CredentialsNeeded,   ///< 401 and no credentials to try
        CredentialsRejected, ///< 401 with the credentials given (registry or token service)
        TlsError,            ///< the TLS handshake or the certificate check failed
        Refused,             ///< nothing listens there
        HostNotFound,
        TimedOut,
        Failed,             ///< anything else: another HTTP status, a bad CA file, a network error
        RepositoryNotFound, ///< signed in, but the registry does not know the repository
        RepositoryDenied,   ///< signed in, but the tag list of the repository is refused
    };
    /** How the registry was reached. */
    enum class Transport {
        Unknown,
        VerifiedTls,   ///< https with the certificate verified (system CAs or the CA file)
        UnverifiedTls, ///< https without verification (an insecure host)
        PlainHttp,     ///< http (an insecure host)
    };

    Outcome outcome = Outcome::Failed;
    int httpStatus = 0;
    QString url;     ///< the URL last asked
    QString message; ///< what the dialog shows: one sentence per check made

    Transport transport = Transport::Unknown;
    /** "Basic" or "Bearer" when the registry accepted credentials; empty when it let us in
     *  anonymously or did not get that far. */
    QString authentication;
    bool repositoryChecked = false;
    int tagCount = 0; ///< tags of the repository, when it was read

    /** The registry is there, the credentials (if any were needed) work, and the repository
     *  (if one was named) is readable or simply does not exist yet (werf creates it). */
    bool success() const
    {
        return outcome == Outcome::Reachable || outcome == Outcome::RepositoryNotFound;
    }
};

/**
 * Runs a connection test and calls `done` once, in the thread of `context`, unless `context` is
 * destroyed first. The settings dialog only knows this function, so tests can replace it.
 */
using ConnectionTester = std::function<void(const ConnectionTestRequest &request,
                                            QObject *context,
                                            std::function<void(const ConnectionTestResult &)> done)>;

/**
 * The check the storages use themselves, through RegistryClient: the /v2/ ping over https with
 * TLS verification (plus the host's CA file; an insecure host without verification, then plain
 * http), answering a Basic challenge with the credentials or a Bearer challenge with a token
 * from the realm it names, then, when a repository is given, its tag list with that
 * repository's pull scope. The result says how far it got: reachable, TLS verified or not,
 * credentials accepted or refused (with what the server said), repository readable or unknown.
 */
ConnectionTester defaultConnectionTester();

} // namespace Stagecraft::Model
