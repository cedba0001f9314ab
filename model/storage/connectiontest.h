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
    QString address; ///< "127.0.0.1:5000", "registry.example.com" (a repository path is ignored)
    RegistryHostOptions options;
    std::optional<RegistryCredentials> credentials;
    int timeoutMs = 10000; ///< per request
};

/** The answer of a connection test, worded for the user (never with the secret in it). */
struct ConnectionTestResult
{
    enum class Outcome {
        Reachable,           ///< /v2/ answered 200 (anonymously or with the credentials)
        CredentialsNeeded,   ///< 401 and no credentials to try (or token auth, see message)
        CredentialsRejected, ///< 401 with the credentials given
        TlsError,            ///< the TLS handshake or the certificate check failed
        Refused,             ///< nothing listens there
        HostNotFound,
        TimedOut,
        Failed, ///< anything else: another HTTP status, a bad CA file, a network error
    };

    Outcome outcome = Outcome::Failed;
    int httpStatus = 0;
    QString url;     ///< the URL last asked
    QString message; ///< one sentence for the dialog

    /** The registry is there and the credentials (if any were needed) work. */
    bool success() const { return outcome == Outcome::Reachable; }
};

/**
 * Runs a connection test and calls `done` once, in the thread of `context`, unless `context` is
 * destroyed first. The settings dialog only knows this function: the registry client's /v2/ ping
 * (with Bearer token auth) can replace defaultConnectionTester() without touching the dialog.
 */
using ConnectionTester = std::function<void(const ConnectionTestRequest &request,
                                            QObject *context,
                                            std::function<void(const ConnectionTestResult &)> done)>;

/**
 * A plain Qt Network check: GET https://HOST/v2/ with TLS verification (plus the host's CA
 * file); for an insecure host https without verification, then plain http. A 401 with a Basic
 * challenge is retried once with the credentials; a Bearer challenge is reported with its realm,
 * as this check does not fetch tokens.
 */
ConnectionTester defaultConnectionTester();

} // namespace Stagecraft::Model
