// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryreference.h"

#include "common/tr.h"

#include <QRegularExpression>

namespace Stagecraft::Model {

namespace {

bool isHostComponent(const QString &component)
{
    return component.contains(u'.') || component.contains(u':') || component == u"localhost";
}

/** docker's repository path grammar (lower-case components separated by '/'). */
bool isValidPath(const QString &path)
{
    static const QRegularExpression pattern(
            QStringLiteral("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
                           "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$"));
    return pattern.match(path).hasMatch();
}

bool isValidHost(const QString &host)
{
    static const QRegularExpression pattern(
            QStringLiteral("^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                           "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])"
                           "(?::[0-9]{1,5})?$"));
    return pattern.match(host).hasMatch();
}

std::optional<RegistryReference> split(const QString &text, QString *error)
{
    RegistryReference ref;
    QString rest = text.trimmed();
    if (rest.isEmpty()) {
        if (error)
            *error = Tr::tr("the registry reference is empty");
        return std::nullopt;
    }
    const qsizetype at = rest.indexOf(u'@');
    if (at >= 0) {
        ref.digest = rest.mid(at + 1);
        rest.truncate(at);
        if (!ref.digest.contains(u':')) {
            if (error)
                *error = Tr::tr("invalid digest in \"%1\"").arg(text);
            return std::nullopt;
        }
    }
    const qsizetype slash = rest.indexOf(u'/');
    if (slash > 0 && isHostComponent(rest.left(slash))) {
        ref.host = rest.left(slash).toLower();
        rest = rest.mid(slash + 1);
    } else {
        ref.host = QStringLiteral("registry-1.docker.io");
    }
    // docker's rule (ParseNormalizedNamed): "docker.io" and the legacy "index.docker.io" name
    // Docker Hub, whose API host is registry-1.docker.io; one-component names are "library/".
    if (ref.host == u"docker.io" || ref.host == u"index.docker.io")
        ref.host = QStringLiteral("registry-1.docker.io");
    // A ':' after the last '/' starts the tag.
    const qsizetype colon = rest.lastIndexOf(u':');
    if (colon > rest.lastIndexOf(u'/')) {
        ref.tag = rest.mid(colon + 1);
        rest.truncate(colon);
    }
    if (ref.host == u"registry-1.docker.io" && !rest.contains(u'/'))
        rest.prepend(QStringLiteral("library/"));
    ref.repository = rest;
    if (!isValidHost(ref.host) || !isValidPath(ref.repository)) {
        if (error)
            *error = Tr::tr("invalid registry reference \"%1\"").arg(text);
        return std::nullopt;
    }
    return ref;
}

} // namespace

std::optional<RegistryReference> RegistryReference::parseRepository(const QString &address,
                                                                    QString *error)
{
    std::optional<RegistryReference> ref = split(address, error);
    if (ref && (!ref->tag.isEmpty() || !ref->digest.isEmpty())) {
        if (error)
            *error = Tr::tr("a stages storage repository has no tag or digest: \"%1\"").arg(address);
        return std::nullopt;
    }
    return ref;
}

std::optional<RegistryReference> RegistryReference::parseImage(const QString &reference,
                                                               QString *error)
{
    std::optional<RegistryReference> ref = split(reference, error);
    if (ref && ref->tag.isEmpty() && ref->digest.isEmpty())
        ref->tag = QStringLiteral("latest");
    return ref;
}

} // namespace Stagecraft::Model
