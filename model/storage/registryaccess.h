// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace Stagecraft::Model {

/**
 * The credentials for one registry host. The secret (password or identity token) lives only in
 * memory and in the system keychain; it never goes to QSettings, logs or error messages.
 */
struct RegistryCredentials
{
    QString username;
    QString secret;
    /** An identity token (docker's `identitytoken`): sent as the refresh token, not Basic auth. */
    bool identityToken = false;

    bool isEmpty() const { return username.isEmpty() && secret.isEmpty(); }
};

/** How a registry host may be reached (docker's `insecure-registries`, a private CA). */
struct RegistryHostOptions
{
    /** Plain http, or https without certificate verification: per host, explicitly. */
    bool insecure = false;
    /** A PEM file of CA certificates trusted for this host in addition to the system's. */
    QString caFile;
    /**
     * What the user must be told about this host (set when it is insecure): the CLI prints it,
     * the GUI shows it. Empty for a host reached with verified TLS.
     */
    QString warning;
};

/**
 * Where a registry client gets credentials for a host ("127.0.0.1:5000", "registry.example.com").
 * Called from the thread that talks to the registry; must be thread-safe. Returns nothing when
 * no credentials are known (anonymous access).
 */
using CredentialProvider = std::function<std::optional<RegistryCredentials>(const QString &host)>;

/** Where a registry client gets the connection options of a host; thread-safe like the above. */
using HostOptionsProvider = std::function<RegistryHostOptions(const QString &host)>;

} // namespace Stagecraft::Model
