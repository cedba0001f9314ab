// SPDX-License-Identifier: GPL-3.0-or-later
// containers-storage as stages storage: a root filled by the real buildah, a root with thousands
// of images, and broken roots.

#include "awaitfuture.h"
#include "buildahfixture.h"
#include "config/configloader.h"
#include "signature/planner.h"
#include "signature/signatureinputbuilder.h"
#include "signature/stageimage.h"
#include "storage/containersstorage.h"
#include "storage/storageplanner.h"
#include "storage/storagesession.h"
#include "storage/storagestatusjob.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft::Model;
using namespace Stagecraft::Testing;

class tst_ContainersStorage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_projectDir;
    std::unique_ptr<BuildahStore> m_store;
    Plan m_basePlan;
    QHash<QString, QString> m_stored; ///< stage → expected storedAs

    void writeFile(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_projectDir = m_dir.filePath(QStringLiteral("project"));
        writeFile(m_projectDir + QStringLiteral("/werf.yaml"),
                  "project: storetest\nconfigVersion: 1\n---\nimage: app\nfrom: alpine:3.18\n"
                  "shell:\n  beforeInstall: [echo one]\n  install: [echo two]\n");
        const LoadedProject project = loadProject(m_projectDir);
        QVERIFY(project.ok());
        m_basePlan = planProject(project);

        m_store = std::make_unique<BuildahStore>(m_dir.filePath(QStringLiteral("root")));
        QString error;
        if (!m_store->prepare(&error)) {
            m_store.reset();
            if (inCi())
                QFAIL(qPrintable(error));
            return; // the buildah cases skip
        }
        const ImagePlan *app = m_basePlan.image(QStringLiteral("app"), ImageKind::Image);
        const SignatureInput input = signatureInputFromProject(project);
        StageImage::LabelContext context;
        context.project = QStringLiteral("storetest");
        for (const StageId id : {StageId::From, StageId::BeforeInstall}) {
            const StagePlan *stage = app->stage(id);
            const QString name = StageImage::localName(QStringLiteral("storetest"),
                                                       stage->signature,
                                                       1700000000000 + int(id));
            QVERIFY2(m_store->commit(name,
                                     StageImage::labels(input.images.first(), *stage, context),
                                     &error),
                     qPrintable(error));
            m_stored.insert(stage->name, QStringLiteral("localhost/") + name);
        }
        // Same signature under another project, and an unrelated image: neither counts.
        QVERIFY(m_store->tag(m_stored.value(QStringLiteral("from")),
                             QStringLiteral("werf-stages-storage/otherproject:")
                                     + app->stage(StageId::Install)->signature
                                     + QStringLiteral("-1"),
                             &error));
        QVERIFY(m_store->tag(m_stored.value(QStringLiteral("from")),
                             QStringLiteral("localhost/other:1"),
                             &error));
    }

    void listAndInspect()
    {
        if (!m_store)
            QSKIP("buildah or /bin/busybox is not installed");
        ContainersStorage storage(m_store->options());
        QCOMPARE(storage.driver(), QStringLiteral("vfs"));
        const StageListing listing = await(storage.listStages(QStringLiteral("storetest")));
        QVERIFY2(listing.ok, qPrintable(listing.error));
        QCOMPARE(listing.candidates.size(), 2);
        const QString signature = m_basePlan.image(QStringLiteral("app"), ImageKind::Image)
                                          ->stage(StageId::From)
                                          ->signature;
        const QList<StageCandidate> candidates = listing.usable(signature);
        QCOMPARE(candidates.size(), 1);
        QCOMPARE(candidates.first().imageName, m_stored.value(QStringLiteral("from")));
        const StageInspection inspection = await(storage.inspect(candidates.first()));
        QVERIFY2(inspection.ok, qPrintable(inspection.error));
        QCOMPARE(inspection.labels.value(QStringLiteral("werf-stage-signature")), signature);
        QCOMPARE(inspection.labels.value(QStringLiteral("werf")), QStringLiteral("storetest"));
    }

    void planAgainstBuildahRoot()
    {
        if (!m_store)
            QSKIP("buildah or /bin/busybox is not installed");
        StorageSpec spec;
        spec.containersStorage = m_store->options();
        StorageSession session(spec, {});
        const StoragePlan result = await(planWithStorageAsync(loadProject(m_projectDir),
                                                              session.storage(),
                                                              session.registry()));
        QVERIFY2(result.storageOk, qPrintable(result.storageError));
        const ImagePlan *app = result.plan.image(QStringLiteral("app"), ImageKind::Image);
        QCOMPARE(app->stages.size(), 3);
        for (const StagePlan &stage : app->stages) {
            const QString expected = m_stored.value(stage.name);
            QCOMPARE(stage.statusName(),
                     expected.isEmpty() ? QStringLiteral("missing") : QStringLiteral("cached"));
            QCOMPARE(stage.storedAs, expected);
        }
    }

    void statusJob()
    {
        // The GUI hook: statuses computed off the GUI thread, delivered by a signal.
        if (!m_store)
            QSKIP("buildah or /bin/busybox is not installed");
        StorageStatusJob job;
        StorageSpec spec;
        spec.containersStorage = m_store->options();
        job.setSpec(spec, {});
        QSignalSpy spy(&job, &StorageStatusJob::finished);
        job.start(m_projectDir);
        QVERIFY(job.isRunning());
        QVERIFY(spy.wait(30000));
        QVERIFY(!job.isRunning());
        const auto statuses = spy.first().at(1).value<StageStatuses>();
        QCOMPARE(statuses.value(QStringLiteral("app/from")), StageStatus::Cached);
        QCOMPARE(statuses.value(QStringLiteral("app/beforeInstall")), StageStatus::Cached);
        // Missing means it will be built: the view shows it as invalidated.
        QCOMPARE(statuses.value(QStringLiteral("app/install")), StageStatus::Invalidated);

        // A second start supersedes the first: one finished() only.
        spy.clear();
        job.start(m_projectDir);
        job.start(m_projectDir);
        QVERIFY(spy.wait(30000));
        QTest::qWait(200);
        QCOMPARE(spy.size(), 1);
    }

    void gitAncestry()
    {
        // §6.3: for git stages the oldest candidate whose commit is an ancestor of the current one
        // wins; an older candidate built from a commit off the current history is passed over.
        if (!m_store)
            QSKIP("buildah or /bin/busybox is not installed");
        const QString git = findTool(QStringLiteral("git"));
        QVERIFY(!git.isEmpty());
        const QString repo = m_dir.filePath(QStringLiteral("gitproject"));
        writeFile(repo + QStringLiteral("/werf.yaml"),
                  "project: gittest\nconfigVersion: 1\n---\nimage: app\nfrom: alpine:3.18\n"
                  "git:\n- add: /\n  to: /app\n");
        writeFile(repo + QStringLiteral("/file.txt"), "one\n");
        QString error;
        const auto run = [&](const QStringList &arguments) {
            return QString::fromUtf8(runTool(git,
                                             QStringList{QStringLiteral("-C"),
                                                         repo,
                                                         QStringLiteral("-c"),
                                                         QStringLiteral("user.name=t"),
                                                         QStringLiteral("-c"),
                                                         QStringLiteral("user.email=t@example.com")}
                                                     + arguments,
                                             &error))
                    .trimmed();
        };
        run({QStringLiteral("init"), QStringLiteral("-q")});
        run({QStringLiteral("add"), QStringLiteral(".")});
        run({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("one")});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString first = run({QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        const QString branch = run({QStringLiteral("rev-parse"),
                                    QStringLiteral("--abbrev-ref"),
                                    QStringLiteral("HEAD")});
        run({QStringLiteral("checkout"),
             QStringLiteral("-q"),
             QStringLiteral("-b"),
             QStringLiteral("side")});
        writeFile(repo + QStringLiteral("/file.txt"), "side\n");
        run({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("side")});
        const QString side = run({QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        run({QStringLiteral("checkout"), QStringLiteral("-q"), branch});
        writeFile(repo + QStringLiteral("/file.txt"), "two\n");
        run({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("two")});
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const LoadedProject project = loadProject(repo);
        QVERIFY(project.ok());
        const Plan base = planProject(project);
        const StagePlan *archive = base.images.first().stage(StageId::GitArchive);
        QVERIFY(archive && archive->hasSignature());
        QCOMPARE(archive->gitCommits.size(), 1);
        const QString paramshash = archive->gitCommits.keys().first();
        const SignatureInput input = signatureInputFromProject(project);
        StageImage::LabelContext context;
        context.project = QStringLiteral("gittest");
        const auto store = [&](qint64 id, const QString &commit) {
            QMap<QString, QString> labels = StageImage::labels(input.images.first(),
                                                               *archive,
                                                               context);
            labels.insert(QStringLiteral("werf-git-") + paramshash + QStringLiteral("-commit"),
                          commit);
            const QString name = StageImage::localName(QStringLiteral("gittest"),
                                                       archive->signature,
                                                       id);
            QString e;
            m_store->commit(name, labels, &e);
            return e;
        };
        QString e = store(100, side); // older, but not on the current history
        QVERIFY2(e.isEmpty(), qPrintable(e));
        e = store(200, first);
        QVERIFY2(e.isEmpty(), qPrintable(e));

        StorageSpec spec;
        spec.containersStorage = m_store->options();
        StorageSession session(spec, {});
        const StoragePlan result = await(
                planWithStorageAsync(project, session.storage(), session.registry()));
        QVERIFY2(result.storageOk, qPrintable(result.storageError));
        const StagePlan *found = result.plan.images.first().stage(StageId::GitArchive);
        QCOMPARE(found->statusName(), QStringLiteral("cached"));
        QCOMPARE(found->storedAs,
                 QStringLiteral("localhost/")
                         + StageImage::localName(QStringLiteral("gittest"),
                                                 archive->signature,
                                                 200));
        // The stage image carries the older commit: what follows is planned from there.
        QCOMPARE(found->gitCommits.value(paramshash), first);
        QCOMPARE(result.inspections, 2);
    }

    void thousandsOfImages()
    {
        // images.json as containers/storage writes it, with 5,000 images of which 1,000 are stages.
        const QString root = m_dir.filePath(QStringLiteral("big"));
        QJsonArray images;
        for (int i = 0; i < 5000; ++i) {
            const QString id = QString::number(i).rightJustified(64, u'0');
            const QString name = i % 5 == 0 ? QString(
                                         QStringLiteral("localhost/werf-stages-storage/big:")
                                         + QString::number(i).rightJustified(56, u'a')
                                         + QStringLiteral("-1700000000000"))
                                            : QStringLiteral("localhost/other/image:")
                                                      + QString::number(i);
            images.append(QJsonObject{{QStringLiteral("id"), id},
                                      {QStringLiteral("names"), QJsonArray{name}},
                                      {QStringLiteral("big-data-names"),
                                       QJsonArray{QString(QStringLiteral("sha256:") + id),
                                                  QStringLiteral("manifest")}}});
        }
        writeFile(root + QStringLiteral("/overlay-images/images.json"),
                  QJsonDocument(images).toJson());
        ContainersStorageOptions options;
        options.root = root;
        ContainersStorage storage(options);
        QCOMPARE(storage.driver(), QStringLiteral("overlay"));
        QElapsedTimer timer;
        timer.start();
        const StageListing listing = await(storage.listStages(QStringLiteral("big")));
        QVERIFY2(listing.ok, qPrintable(listing.error));
        QCOMPARE(listing.candidates.size(), 1000);
        QCOMPARE(listing.tagCount, 5000);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        // The candidate's config is a missing big-data file here: a clear error.
        const StageInspection inspection = await(
                storage.inspect(listing.candidates.begin()->first()));
        QVERIFY(!inspection.ok);
        QVERIFY(inspection.error.contains(QLatin1String("cannot read the config")));
    }

    void brokenRoots()
    {
        ContainersStorageOptions missing;
        missing.root = m_dir.filePath(QStringLiteral("does-not-exist"));
        ContainersStorage none(missing);
        const StageListing noRoot = await(none.listStages(QStringLiteral("p")));
        QVERIFY(!noRoot.ok);
        QVERIFY2(noRoot.error.contains(missing.root), qPrintable(noRoot.error));

        const QString root = m_dir.filePath(QStringLiteral("broken"));
        writeFile(root + QStringLiteral("/vfs-images/images.json"), "[{\"id\": ");
        ContainersStorageOptions broken;
        broken.root = root;
        ContainersStorage storage(broken);
        const StageListing listing = await(storage.listStages(QStringLiteral("p")));
        QVERIFY(!listing.ok);
        QVERIFY2(listing.error.contains(QLatin1String("images.json")), qPrintable(listing.error));

        // An empty store (no images.json yet) holds no stages: that is no error.
        const QString empty = m_dir.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        ContainersStorageOptions emptyOptions;
        emptyOptions.root = empty;
        ContainersStorage emptyStorage(emptyOptions);
        const StageListing nothing = await(emptyStorage.listStages(QStringLiteral("p")));
        QVERIFY(nothing.ok);
        QVERIFY(nothing.candidates.isEmpty());
    }

    void dockerfileBaseOnBuild()
    {
        // The bundled example's web image (FROM localhost/stagecraft-busybox:1.35) in a project
        // of its own outside git: its dockerfile stage needs the base's ONBUILD triggers, which
        // the plan now reads from the containers-storage config of the base.
        if (!m_store)
            QSKIP("buildah or /bin/busybox is not installed");
        const QString project = m_dir.filePath(QStringLiteral("webproject"));
        const QString example = QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example/web");
        for (const QString &name : {QStringLiteral("Dockerfile"), QStringLiteral("index.txt")}) {
            QFile source(example + u'/' + name);
            QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.fileName()));
            writeFile(project + QStringLiteral("/web/") + name, source.readAll());
        }
        writeFile(project + QStringLiteral("/werf.yaml"),
                  "project: webtest\nconfigVersion: 1\n---\nimage: web\n"
                  "dockerfile: web/Dockerfile\ncontext: web\nargs:\n  GREETING: hello\n");
        const LoadedProject loaded = loadProject(project);
        QVERIFY(loaded.ok());
        const QString base = QStringLiteral("localhost/stagecraft-busybox:1.35");

        const auto planned = [&] {
            StorageSpec spec;
            spec.containersStorage = m_store->options();
            StorageSession session(spec, {});
            return await(planWithStorageAsync(loaded, session.storage(), session.registry()));
        };
        const auto expectedSignature = [&](const QStringList &onBuild) {
            PlanOptions options;
            options.baseImageOnBuild.insert(base, onBuild);
            return planProject(loaded, options).images.first().stages.first().signature;
        };

        // No base image in the store: still "needs registry", with the reason as a warning.
        StoragePlan result = planned();
        QVERIFY2(result.storageOk, qPrintable(result.storageError));
        QCOMPARE(result.plan.images.first().stages.first().statusName(),
                 QStringLiteral("needs-registry"));
        QVERIFY2(result.warnings.join(u'\n').contains(base),
                 qPrintable(result.warnings.join(u'\n')));

        // The base as the README makes it (OCI format: no ONBUILD): computed, no triggers.
        QString error;
        QVERIFY2(m_store->commit(base, {}, &error), qPrintable(error));
        result = planned();
        const StagePlan plain = result.plan.images.first().stages.first();
        QCOMPARE(plain.name, QStringLiteral("dockerfile"));
        QCOMPARE(plain.statusName(), QStringLiteral("missing"));
        QCOMPARE(plain.signature, expectedSignature({}));
        QVERIFY(result.baseImagesRead.value(base).contains(m_store->options().root));

        // The same base in docker format with an ONBUILD trigger: the signature takes it in.
        const QString container = QString::fromUtf8(
                                          m_store->buildah({QStringLiteral("from"), base}, &error))
                                          .trimmed();
        QVERIFY2(!container.isEmpty(), qPrintable(error));
        m_store->buildah({QStringLiteral("config"),
                          QStringLiteral("--onbuild"),
                          QStringLiteral("RUN echo triggered"),
                          container},
                         &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_store->buildah({QStringLiteral("commit"),
                          QStringLiteral("--quiet"),
                          QStringLiteral("--format"),
                          QStringLiteral("docker"),
                          container,
                          base},
                         &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        result = planned();
        const StagePlan &triggered = result.plan.images.first().stages.first();
        QCOMPARE(triggered.statusName(), QStringLiteral("missing"));
        QCOMPARE(triggered.signature, expectedSignature({QStringLiteral("RUN echo triggered")}));
        QVERIFY(triggered.signature != plain.signature);
    }
};

QTEST_GUILESS_MAIN(tst_ContainersStorage)
#include "tst_containersstorage.moc"
