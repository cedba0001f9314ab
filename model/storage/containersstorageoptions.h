// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

/**
 * Where the local containers-storage lies (the storage buildah and podman share). Empty fields
 * mean buildah's own defaults (/etc/containers/storage.conf, else /var/lib/containers/storage,
 * /run/containers/storage and the overlay driver), so that Stagecraft looks where buildah and
 * werf look; tests and `--storage-root DIR` set a root of their own.
 */
struct ContainersStorageOptions
{
    QString root;    ///< buildah --root
    QString runRoot; ///< buildah --runroot; with only a root set, `<root>/run`
    QString driver;  ///< buildah --storage-driver ("overlay", "vfs"), empty = default

    bool isDefault() const { return root.isEmpty() && runRoot.isEmpty() && driver.isEmpty(); }

    /** The global options to put before a buildah subcommand. */
    QStringList buildahArguments() const
    {
        QStringList arguments;
        if (!root.isEmpty()) {
            arguments << QStringLiteral("--root") << root;
            arguments << QStringLiteral("--runroot")
                      << (runRoot.isEmpty() ? root + QStringLiteral("/run") : runRoot);
        } else if (!runRoot.isEmpty()) {
            arguments << QStringLiteral("--runroot") << runRoot;
        }
        if (!driver.isEmpty())
            arguments << QStringLiteral("--storage-driver") << driver;
        return arguments;
    }
};

} // namespace Stagecraft::Model
