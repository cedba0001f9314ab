// SPDX-License-Identifier: GPL-3.0-or-later
#include "gopath.h"

namespace Stagecraft::Model::GoPath {

QByteArray clean(const QByteArray &path)
{
    if (path.isEmpty())
        return QByteArrayLiteral(".");
    const bool rooted = path.startsWith('/');
    QList<QByteArray> parts;
    for (const QByteArray &part : path.split('/')) {
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (!parts.isEmpty() && parts.last() != "..")
                parts.removeLast();
            else if (!rooted)
                parts.append(part);
            // "/.." is "/": a rooted path cannot climb above the root.
            continue;
        }
        parts.append(part);
    }
    QByteArray result = parts.join('/');
    if (rooted)
        result.prepend('/');
    if (result.isEmpty())
        return QByteArrayLiteral(".");
    return result;
}

QByteArray join(const QList<QByteArray> &elements)
{
    QList<QByteArray> nonEmpty;
    for (const QByteArray &element : elements) {
        if (!element.isEmpty())
            nonEmpty.append(element);
    }
    if (nonEmpty.isEmpty())
        return {""};
    return clean(nonEmpty.join('/'));
}

QByteArray rel(const QByteArray &basePath, const QByteArray &targetPath)
{
    QByteArray base = clean(basePath);
    const QByteArray target = clean(targetPath);
    if (target == base)
        return QByteArrayLiteral(".");
    if (base == ".")
        base.clear();
    const bool baseRooted = base.startsWith('/');
    const bool targetRooted = target.startsWith('/');
    if (baseRooted != targetRooted)
        return {};

    auto components = [](const QByteArray &p) {
        QList<QByteArray> result;
        for (const QByteArray &part : p.split('/')) {
            if (!part.isEmpty())
                result.append(part);
        }
        return result;
    };
    const QList<QByteArray> b = components(base);
    const QList<QByteArray> t = components(target == "." ? QByteArray() : target);
    qsizetype common = 0;
    while (common < b.size() && common < t.size() && b.at(common) == t.at(common))
        ++common;
    QList<QByteArray> out;
    for (qsizetype i = common; i < b.size(); ++i) {
        if (b.at(i) == "..")
            return {}; // Go cannot express the way back out of an unknown "..".
        out.append(QByteArrayLiteral(".."));
    }
    for (qsizetype i = common; i < t.size(); ++i)
        out.append(t.at(i));
    if (out.isEmpty())
        return QByteArrayLiteral(".");
    return out.join('/');
}

QList<QByteArray> splitEscaped(const QByteArray &path, char separator)
{
    QList<QByteArray> result;
    QByteArray current;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const char c = path.at(i);
        if (c == separator && !(i > 0 && path.at(i - 1) == '\\')) {
            result.append(current);
            current.clear();
            continue;
        }
        current.append(c);
    }
    result.append(current);
    return result;
}

} // namespace Stagecraft::Model::GoPath
