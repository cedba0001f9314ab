// SPDX-License-Identifier: GPL-3.0-or-later
#include "containersstorage.h"

#include "common/tr.h"
#include "registryreference.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QRegularExpression>
#include <QThreadPool>

#include <unistd.h>

namespace Stagecraft::Model {

namespace {

/** `key = "value"` lines of the [storage] table of a storage.conf (enough for graphroot/driver). */
QHash<QString, QString> readStorageConf(const QString &path)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return values;
    static const QRegularExpression line(QStringLiteral(R"(^\s*([A-Za-z_]+)\s*=\s*"([^"]*)\"\s*$)"));
    QString table;
    while (!file.atEnd()) {
        const QString text = QString::fromUtf8(file.readLine()).trimmed();
        if (text.startsWith(u'[')) {
            table = text;
            continue;
        }
        if (table != u"[storage]")
            continue;
        const QRegularExpressionMatch m = line.match(text);
        if (m.hasMatch())
            values.insert(m.captured(1), m.captured(2));
    }
    return values;
}

void finishListing(const std::shared_ptr<QPromise<StageListing>> &promise, const StageListing &l)
{
    promise->addResult(l);
    promise->finish();
}

} // namespace

ContainersStorage::ContainersStorage(const ContainersStorageOptions &options, QObject *parent)
    : StagesStorage(parent)
    , m_root(options.root)
    , m_driver(options.driver)
    , m_generation(std::make_shared<std::atomic<int>>(0))
{
    m_explicitRoot = !m_root.isEmpty();
    const bool rootUser = ::geteuid() == 0;
    QHash<QString, QString> conf;
    if (rootUser) {
        conf = readStorageConf(QStringLiteral("/etc/containers/storage.conf"));
    } else {
        QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
        if (configHome.isEmpty())
            configHome = QDir::homePath() + QStringLiteral("/.config");
        conf = readStorageConf(configHome + QStringLiteral("/containers/storage.conf"));
    }
    if (m_root.isEmpty()) {
        m_root = conf.value(rootUser ? QStringLiteral("graphroot")
                                     : QStringLiteral("rootless_storage_path"));
        if (m_root.isEmpty() && !rootUser)
            m_root = conf.value(QStringLiteral("graphroot"));
    }
    if (m_root.isEmpty()) {
        if (rootUser) {
            m_root = QStringLiteral("/var/lib/containers/storage");
        } else {
            QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
            if (dataHome.isEmpty())
                dataHome = QDir::homePath() + QStringLiteral("/.local/share");
            m_root = dataHome + QStringLiteral("/containers/storage");
        }
    }
    if (m_driver.isEmpty())
        m_driver = conf.value(QStringLiteral("driver"));
    if (m_driver.isEmpty()) {
        // The driver whose image store exists; overlay is buildah's default for a new store.
        const QStringList drivers{QStringLiteral("overlay"),
                                  QStringLiteral("vfs"),
                                  QStringLiteral("btrfs"),
                                  QStringLiteral("zfs"),
                                  QStringLiteral("devmapper"),
                                  QStringLiteral("aufs")};
        m_driver = drivers.first();
        for (const QString &d : drivers) {
            if (QFileInfo::exists(m_root + u'/' + d + QStringLiteral("-images/images.json"))) {
                m_driver = d;
                break;
            }
        }
    }
}

ContainersStorage::~ContainersStorage()
{
    ++*m_generation;
    m_pool.waitForDone();
}

QString ContainersStorage::imagesDir() const
{
    return m_root + u'/' + m_driver + QStringLiteral("-images");
}

QString ContainersStorage::bigDataFileName(const QString &key)
{
    for (const QChar c : key) {
        const bool plain = c == u'.' || (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z');
        if (!plain)
            return u'=' + QString::fromLatin1(key.toUtf8().toBase64());
    }
    return key;
}

void ContainersStorage::startListing(const QString &project, const ListingPromise &promise)
{
    const QString path = imagesDir() + QStringLiteral("/images.json");
    const QString root = m_root;
    const bool explicitRoot = m_explicitRoot;
    const auto generation = m_generation;
    const int started = generation->load();
    m_pool.start([path, root, explicitRoot, project, promise, generation, started] {
        StageListing listing;
        listing.requests = 1;
        QFile file(path);
        if (!file.exists()) {
            // An empty store has no images.json yet, and buildah creates its default store on
            // first use: nothing is cached, which is no error. A root the user named must exist.
            listing.ok = QFileInfo(root).isDir() || !explicitRoot;
            if (!listing.ok)
                listing.error = Tr::tr("the containers-storage root %1 does not exist").arg(root);
            return finishListing(promise, listing);
        }
        if (!file.open(QIODevice::ReadOnly)) {
            listing.error = Tr::tr("cannot read the containers-storage image list %1: %2")
                                    .arg(path, file.errorString());
            return finishListing(promise, listing);
        }
        const QByteArray data = file.readAll();
        if (promise->isCanceled() || generation->load() != started)
            return promise->finish();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError || !document.isArray()) {
            listing.error = Tr::tr("the containers-storage image list %1 is not valid: %2")
                                    .arg(path, error.errorString());
            return finishListing(promise, listing);
        }
        const QString prefix = QStringLiteral("werf-stages-storage/") + project + u':';
        QStringList tags;
        QHash<QString, std::pair<QString, QString>> byTag; // tag → (image id, config key)
        QHash<QString, QString> nameByTag;
        const QJsonArray images = document.array();
        for (const QJsonValue &value : images) {
            const QJsonObject image = value.toObject();
            const QJsonArray names = image.value(u"names").toArray();
            for (const QJsonValue &n : names) {
                ++listing.tagCount;
                const QString name = n.toString();
                const QString bare = name.startsWith(QLatin1String("localhost/"))
                                             ? name.mid(int(sizeof("localhost/") - 1))
                                             : name;
                if (!bare.startsWith(prefix))
                    continue;
                const QString tag = bare.mid(prefix.size());
                QString configKey;
                const QJsonArray keys = image.value(u"big-data-names").toArray();
                for (const QJsonValue &k : keys) {
                    if (k.toString().startsWith(QLatin1String("sha256:"))) {
                        configKey = k.toString();
                        break;
                    }
                }
                tags.append(tag);
                byTag.insert(tag, {image.value(u"id").toString(), configKey});
                nameByTag.insert(tag, name);
            }
        }
        listing.candidates = StagesStorage::candidatesFromTags(tags, [&nameByTag](const QString &t) {
            return nameByTag.value(t);
        });
        for (auto it = listing.candidates.begin(); it != listing.candidates.end(); ++it) {
            for (StageCandidate &c : *it) {
                const auto &[id, key] = byTag.value(c.tag);
                c.reference = id + u'\n' + key;
            }
        }
        listing.ok = true;
        finishListing(promise, listing);
    });
}

void ContainersStorage::startInspection(const StageCandidate &candidate,
                                        const InspectionPromise &promise)
{
    const QString dir = imagesDir();
    m_pool.start([dir, candidate, promise] {
        StageInspection inspection;
        const QString id = candidate.reference.section(u'\n', 0, 0);
        QString key = candidate.reference.section(u'\n', 1);
        if (key.isEmpty())
            key = QStringLiteral("sha256:") + id;
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        if (!hex.match(id).hasMatch()) {
            inspection.error = Tr::tr("invalid image ID for %1").arg(candidate.imageName);
        } else {
            QFile file(dir + u'/' + id + u'/' + bigDataFileName(key));
            if (!file.open(QIODevice::ReadOnly)) {
                inspection.error = Tr::tr("cannot read the config of %1: %2")
                                           .arg(candidate.imageName, file.errorString());
            } else {
                const QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
                const QJsonObject labels
                        = config.value(u"config").toObject().value(u"Labels").toObject();
                for (auto it = labels.begin(); it != labels.end(); ++it)
                    inspection.labels.insert(it.key(), it.value().toString());
                inspection.configDigest = key;
                inspection.ok = true;
            }
        }
        promise->addResult(inspection);
        promise->finish();
    });
}

void ContainersStorage::startBaseImageInspection(const QString &reference,
                                                 const BaseImagePromise &promise)
{
    const QString dir = imagesDir();
    const QString root = m_root;
    m_pool.start([dir, root, reference, promise] {
        BaseImageInspection inspection;
        inspection.source = Tr::tr("the containers-storage %1").arg(root);
        const auto done = [&] {
            promise->addResult(inspection);
            promise->finish();
        };
        QString error;
        const std::optional<RegistryReference> image = RegistryReference::parseImage(reference,
                                                                                     &error);
        if (!image) {
            inspection.error = error;
            return done();
        }
        // containers-storage keeps fully qualified names: docker.io/library/alpine:latest,
        // localhost/name:tag.
        const QString host = image->host == u"registry-1.docker.io" ? QStringLiteral("docker.io")
                                                                    : image->host;
        const QString repository = host + u'/' + image->repository;
        const QString wanted = image->digest.isEmpty() ? repository + u':' + image->tag : QString();
        QFile file(dir + QStringLiteral("/images.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            inspection.error = Tr::tr("the image %1 is not in the containers-storage %2")
                                       .arg(reference, root);
            return done();
        }
        const QJsonArray images = QJsonDocument::fromJson(file.readAll()).array();
        QJsonObject found;
        for (const QJsonValue &value : images) {
            const QJsonObject candidate = value.toObject();
            bool match = false;
            if (!wanted.isEmpty()) {
                const QJsonArray names = candidate.value(u"names").toArray();
                for (const QJsonValue &n : names)
                    match = match || n.toString() == wanted;
            } else {
                QJsonArray digests = candidate.value(u"digests").toArray();
                digests.append(candidate.value(u"digest"));
                for (const QJsonValue &d : std::as_const(digests))
                    match = match || d.toString() == image->digest;
            }
            if (match) {
                found = candidate;
                break;
            }
        }
        if (found.isEmpty()) {
            inspection.error = Tr::tr("the image %1 is not in the containers-storage %2")
                                       .arg(reference, root);
            return done();
        }
        const QString id = found.value(u"id").toString();
        QString key;
        const QJsonArray keys = found.value(u"big-data-names").toArray();
        for (const QJsonValue &k : keys) {
            if (k.toString().startsWith(QLatin1String("sha256:"))) {
                key = k.toString();
                break;
            }
        }
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        if (!hex.match(id).hasMatch() || key.isEmpty()) {
            inspection.error = Tr::tr("the containers-storage %1 holds no config for %2")
                                       .arg(root, reference);
            return done();
        }
        QFile config(dir + u'/' + id + u'/' + bigDataFileName(key));
        if (!config.open(QIODevice::ReadOnly)) {
            inspection.error = Tr::tr("cannot read the config of %1: %2")
                                       .arg(reference, config.errorString());
            return done();
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(config.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            inspection.error = Tr::tr("the config of %1 in the containers-storage %2 is not "
                                      "valid JSON")
                                       .arg(reference, root);
            return done();
        }
        // Docker's config has config.OnBuild; an OCI config has no such field, and buildah drops
        // ONBUILD when it commits in the OCI format: no triggers.
        const QJsonArray onBuild
                = document.object().value(u"config").toObject().value(u"OnBuild").toArray();
        for (const QJsonValue &trigger : onBuild)
            inspection.onBuild.append(trigger.toString());
        inspection.ok = true;
        done();
    });
}

void ContainersStorage::abortAll()
{
    ++*m_generation;
}

} // namespace Stagecraft::Model
