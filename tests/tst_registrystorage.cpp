// SPDX-License-Identifier: GPL-3.0-or-later
// The registry stages storage against a real registry: Debian's docker-registry on 127.0.0.1
// with htpasswd Basic auth and TLS from a CA made here with the openssl CLI; stage images pushed
// with buildah under werf's names and labels; the plan must report exactly those as cached.

#include "awaitfuture.h"
#include "commandline.h"
#include "config/configloader.h"
#include "registryfixture.h"
#include "signature/planner.h"
#include "signature/signatureinputbuilder.h"
#include "signature/stageimage.h"
#include "storage/connectiontest.h"
#include "storage/registryclient.h"
#include "storage/stagesstorage.h"
#include "storage/storageplanner.h"
#include "storage/storagesession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Stagecraft::Model;
using namespace Stagecraft::Testing;

namespace {

QByteArray werfYaml()
{
    return "project: storetest\n"
           "configVersion: 1\n"
           "---\n"
           "image: app\n"
           "from: localhost/stagecraft-busybox:1.35\n"
           "shell:\n"
           "  beforeInstall: [echo before]\n"
           "  install: [echo install]\n"
           "  setup: [echo setup]\n"
           "docker:\n"
           "  ENV: {A: b}\n";
}

} // namespace

class tst_RegistryStorage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestRegistry m_registry{m_dir.path()};
    QString m_repo;
    QString m_projectDir;
    Plan m_basePlan;
    std::unique_ptr<BuildahStore> m_store;
    QHash<QString, QString> m_pushed; ///< stage name → image name expected as storedAs

    bool needTool(const QString &tool)
    {
        if (!findTool(tool).isEmpty())
            return true;
        const QString message = tool + QStringLiteral(" is not installed (see bootstrap.sh)");
        if (inCi())
            QTest::qFail(qPrintable(message), __FILE__, __LINE__);
        else
            QTest::qSkip(qPrintable(message), __FILE__, __LINE__);
        return false;
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
        return path;
    }

    /** The credentials the registry accepts, as a client passes them. */
    RegistryCredentials credentials() const
    {
        return RegistryCredentials{m_registry.user(), m_registry.password(), false};
    }

    /** The same, as buildah --creds takes them. */
    QString basicCredentials() const { return m_registry.user() + u':' + m_registry.password(); }

    StoragePlan plan(StorageSpec spec) { return plan(spec, credentials()); }

    StoragePlan plan(StorageSpec spec, std::optional<RegistryCredentials> credentials)
    {
        StorageSession session(spec, [credentials](const QString &) { return credentials; });
        const LoadedProject project = loadProject(m_projectDir);
        bool finished = false;
        StoragePlan result = await(planWithStorageAsync(project,
                                                        session.storage(),
                                                        session.registry()),
                                   60000,
                                   &finished);
        if (!finished)
            qWarning("the plan did not finish");
        return result;
    }

    StorageSpec registrySpec(const QString &host)
    {
        StorageSpec spec;
        QString error;
        spec = *StorageSpec::parse(host + QStringLiteral("/storetest/stages"), &error);
        spec.caFile = m_registry.caFile();
        spec.timeoutMs = 15000;
        return spec;
    }

private slots:
    void initTestCase()
    {
        for (const QString &tool : TestRegistry::tools() + QStringList{QStringLiteral("buildah")}) {
            if (!needTool(tool))
                return;
        }
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_registry.start(&error), qPrintable(error));
        m_repo = m_registry.host() + QStringLiteral("/storetest/stages");
        // buildah push verifies the registry against a directory of CA files.
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("certs"))));
        QVERIFY(QFile::copy(m_registry.caFile(), m_dir.filePath(QStringLiteral("certs/ca.crt"))));

        // The project and its signatures (no storage).
        m_projectDir = m_dir.filePath(QStringLiteral("project"));
        QVERIFY(QDir().mkpath(m_projectDir));
        write(QStringLiteral("project/werf.yaml"), werfYaml());
        const LoadedProject project = loadProject(m_projectDir);
        QVERIFY(project.ok());
        m_basePlan = planProject(project);
        const ImagePlan *app = m_basePlan.image(QStringLiteral("app"), ImageKind::Image);
        QVERIFY(app);
        QCOMPARE(app->stages.size(), 5);

        // Push: from; beforeInstall twice (the older must win); install plus its -rejected tag;
        // nothing for setup and dockerInstructions; and tags that are no stages.
        m_store = std::make_unique<BuildahStore>(m_dir.filePath(QStringLiteral("buildah")));
        QVERIFY2(m_store->prepare(&error), qPrintable(error));
        const SignatureInput input = signatureInputFromProject(project);
        const SignatureInput::Image &image = input.images.first();
        const auto pushStage = [&](StageId id, qint64 uniqueId, const QString &suffix) {
            const StagePlan *stage = app->stage(id);
            StageImage::LabelContext context;
            context.project = QStringLiteral("storetest");
            context.temporaryImageName = QStringLiteral("0d2c3a39-test");
            const QString tag = stage->signature + u'-' + QString::number(uniqueId) + suffix;
            const QString local = QStringLiteral("localhost/stage:") + tag;
            QString e;
            if (!m_store->commit(local, StageImage::labels(image, *stage, context), &e)
                || !m_store->push(local,
                                  m_repo + u':' + tag,
                                  m_dir.filePath(QStringLiteral("certs")),
                                  basicCredentials(),
                                  &e))
                return e;
            return QString();
        };
        QString e = pushStage(StageId::From, 1700000000000, {});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        e = pushStage(StageId::BeforeInstall, 1700000000500, {});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        e = pushStage(StageId::BeforeInstall, 1700000000100, {});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        e = pushStage(StageId::Install, 1700000000200, {});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        e = pushStage(StageId::Install, 1700000000200, QStringLiteral("-rejected"));
        QVERIFY2(e.isEmpty(), qPrintable(e));
        m_store->push(QStringLiteral("localhost/stage:") + app->stage(StageId::From)->signature
                              + QStringLiteral("-1700000000000"),
                      m_repo + QStringLiteral(":managed-image-app"),
                      m_dir.filePath(QStringLiteral("certs")),
                      basicCredentials(),
                      &e);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        m_pushed.insert(QStringLiteral("from"),
                        m_repo + u':' + app->stage(StageId::From)->signature
                                + QStringLiteral("-1700000000000"));
        m_pushed.insert(QStringLiteral("beforeInstall"),
                        m_repo + u':' + app->stage(StageId::BeforeInstall)->signature
                                + QStringLiteral("-1700000000100"));
    }

    void cleanupTestCase() { m_registry.stop(); }

    void exactlyThePushedStagesAreCached()
    {
        const StoragePlan result = plan(registrySpec(m_registry.host()));
        QVERIFY2(result.storageOk, qPrintable(result.storageError));
        QVERIFY(result.warnings.isEmpty());
        const ImagePlan *app = result.plan.image(QStringLiteral("app"), ImageKind::Image);
        QVERIFY(app);
        for (const StagePlan &stage : app->stages) {
            const QString expected = m_pushed.value(stage.name);
            QCOMPARE(stage.statusName(),
                     expected.isEmpty() ? QStringLiteral("missing") : QStringLiteral("cached"));
            QCOMPARE(stage.storedAs, expected);
            QVERIFY(stage.statusReason.isEmpty());
        }
        // One tag-list pass (the 401 Basic challenge, then the authenticated list).
        QCOMPARE(result.listingRequests, 2);
        QCOMPARE(result.candidateCount, 4); // the -rejected tag marks one, it is none itself
        QCOMPARE(result.tagCount, 6);
    }

    void commandLineJson()
    {
        // Credentials from a docker config, as `stagecraft plan --storage` reads them.
        const QString configDir = m_registry.writeDockerConfig();
        qputenv("DOCKER_CONFIG", configDir.toUtf8());
        QString outText;
        QString errText;
        QTextStream out(&outText);
        QTextStream err(&errText);
        const int code = Stagecraft::Ui::CommandLine::run({QStringLiteral("stagecraft"),
                                                           QStringLiteral("plan"),
                                                           m_projectDir,
                                                           QStringLiteral("--storage"),
                                                           m_repo,
                                                           QStringLiteral("--ca-file"),
                                                           m_registry.caFile(),
                                                           QStringLiteral("--json")},
                                                          out,
                                                          err);
        out.flush();
        err.flush();
        qunsetenv("DOCKER_CONFIG");
        QCOMPARE(code, 0);
        QVERIFY2(!errText.contains(m_registry.password()), qPrintable(errText));
        const QJsonArray stages = QJsonDocument::fromJson(outText.toUtf8())
                                          .object()
                                          .value(u"images")
                                          .toArray()
                                          .first()
                                          .toObject()
                                          .value(u"stages")
                                          .toArray();
        QCOMPARE(stages.size(), 5);
        for (const QJsonValue &value : stages) {
            const QJsonObject stage = value.toObject();
            const QString name = stage.value(u"name").toString();
            const QString expected = m_pushed.value(name);
            QCOMPARE(stage.value(u"status").toString(),
                     expected.isEmpty() ? QStringLiteral("missing") : QStringLiteral("cached"));
            QCOMPARE(stage.value(u"storedAs").toString(), expected);
        }
    }

    void wrongPassword()
    {
        const StoragePlan result = plan(registrySpec(m_registry.host()),
                                        RegistryCredentials{m_registry.user(),
                                                            QStringLiteral("wrong-Secret"),
                                                            false});
        QVERIFY(!result.storageOk);
        QVERIFY2(result.storageError.contains(m_registry.host()), qPrintable(result.storageError));
        QVERIFY(result.storageError.contains(QLatin1String("401")));
        QVERIFY(!result.storageError.contains(QLatin1String("wrong-Secret")));
        const ImagePlan *app = result.plan.image(QStringLiteral("app"), ImageKind::Image);
        for (const StagePlan &stage : app->stages) {
            QCOMPARE(stage.statusName(), QStringLiteral("unknown"));
            QCOMPARE(stage.statusReason, result.storageError);
        }
    }

    void tlsErrors_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("withCa");
        QTest::addColumn<QString>("expected");
        // The certificate names 127.0.0.1 only.
        QTest::newRow("wrong host name")
                << QStringLiteral("localhost") << true << QStringLiteral("host name did not match");
        QTest::newRow("unknown CA")
                << QStringLiteral("127.0.0.1") << false << QStringLiteral("TLS error");
    }

    void tlsErrors()
    {
        QFETCH(QString, host);
        QFETCH(bool, withCa);
        QFETCH(QString, expected);
        const QString address = host + m_registry.host().mid(m_registry.host().indexOf(u':'));
        StorageSpec spec = registrySpec(address);
        if (!withCa)
            spec.caFile.clear();
        const StoragePlan result = plan(spec);
        QVERIFY(!result.storageOk);
        QVERIFY2(result.storageError.contains(expected, Qt::CaseInsensitive),
                 qPrintable(result.storageError));
        QVERIFY(result.storageError.contains(address));
    }

    void insecureRegistry()
    {
        StorageSpec spec = registrySpec(m_registry.host());
        spec.caFile.clear();
        spec.insecureRegistries = {m_registry.host()};
        const StoragePlan result = plan(spec);
        QVERIFY2(result.storageOk, qPrintable(result.storageError));
        QVERIFY2(result.warnings.join(u'\n').contains(QLatin1String("verification is off")),
                 qPrintable(result.warnings.join(u'\n')));
        const ImagePlan *app = result.plan.image(QStringLiteral("app"), ImageKind::Image);
        QCOMPARE(app->stage(StageId::From)->statusName(), QStringLiteral("cached"));
    }

    void inspectLabels()
    {
        // The labels werf reads for its choice among candidates come back from the config blob.
        StorageSession session(registrySpec(m_registry.host()),
                               [accepted = credentials()](const QString &) {
                                   return std::optional<RegistryCredentials>(accepted);
                               });
        const StageListing listing = await(
                session.storage()->listStages(QStringLiteral("storetest")));
        QVERIFY(listing.ok);
        const QString signature = m_basePlan.image(QStringLiteral("app"), ImageKind::Image)
                                          ->stage(StageId::From)
                                          ->signature;
        const QList<StageCandidate> candidates = listing.usable(signature);
        QCOMPARE(candidates.size(), 1);
        const StageInspection inspection = await(session.storage()->inspect(candidates.first()));
        QVERIFY2(inspection.ok, qPrintable(inspection.error));
        QCOMPARE(inspection.labels.value(QStringLiteral("werf")), QStringLiteral("storetest"));
        QCOMPARE(inspection.labels.value(QStringLiteral("werf-stage-signature")), signature);
        QVERIFY(inspection.configDigest.startsWith(QLatin1String("sha256:")));
    }

    void connectionTest_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<bool>("withCa");
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<int>("transport");
        QTest::addColumn<QString>("expected");
        using Outcome = ConnectionTestResult::Outcome;
        using Transport = ConnectionTestResult::Transport;
        QTest::newRow("verified TLS, signed in, repository readable")
                << m_registry.password() << QStringLiteral("storetest/stages") << true << false
                << int(Outcome::Reachable) << int(Transport::VerifiedTls)
                << QStringLiteral("is readable: 6 tag(s)");
        QTest::newRow("repository not there yet")
                << m_registry.password() << QStringLiteral("storetest/nothing") << true << false
                << int(Outcome::RepositoryNotFound) << int(Transport::VerifiedTls)
                << QStringLiteral("does not exist yet");
        QTest::newRow("wrong password")
                << QStringLiteral("wrong-Secret") << QStringLiteral("storetest/stages") << true
                << false << int(Outcome::CredentialsRejected) << int(Transport::VerifiedTls)
                << QStringLiteral("credentials are not accepted");
        QTest::newRow("no credentials")
                << QString() << QString() << true << false << int(Outcome::CredentialsNeeded)
                << int(Transport::VerifiedTls) << QStringLiteral("needs credentials");
        QTest::newRow("CA not trusted")
                << m_registry.password() << QString() << false << false << int(Outcome::TlsError)
                << int(Transport::Unknown) << QStringLiteral("certificate");
        QTest::newRow("insecure host, no verification")
                << m_registry.password() << QStringLiteral("storetest/stages") << false << true
                << int(Outcome::Reachable) << int(Transport::UnverifiedTls)
                << QStringLiteral("not verified");
    }

    void connectionTest()
    {
        // "Test connection" of the settings dialog against the real registry.
        QFETCH(QString, secret);
        QFETCH(QString, repository);
        QFETCH(bool, withCa);
        QFETCH(bool, insecure);
        QFETCH(int, outcome);
        QFETCH(int, transport);
        QFETCH(QString, expected);
        ConnectionTestRequest request;
        request.address = m_registry.host();
        request.repository = repository;
        request.options.caFile = withCa ? m_registry.caFile() : QString();
        request.options.insecure = insecure;
        if (!secret.isEmpty())
            request.credentials = RegistryCredentials{m_registry.user(), secret, false};
        QObject context;
        std::optional<ConnectionTestResult> result;
        defaultConnectionTester()(request, &context, [&result](const ConnectionTestResult &r) {
            result = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY2(result->message.contains(expected), qPrintable(result->message));
        QCOMPARE(int(result->outcome), outcome);
        QCOMPARE(int(result->transport), transport);
        if (!secret.isEmpty())
            QVERIFY(!result->message.contains(secret));
        if (result->success())
            QCOMPARE(result->authentication, QStringLiteral("Basic"));
        QCOMPARE(result->repositoryChecked, result->success() && !repository.isEmpty());
    }

    void dockerfileBaseFromRegistry()
    {
        // A Dockerfile FROM an image of this registry: `plan --storage REPO` reads its ONBUILD
        // triggers from the image's config blob and computes the dockerfile stage.
        const QString baseImage = m_registry.host() + QStringLiteral("/base/busybox:1.35");
        QString error;
        const QString container = QString::fromUtf8(m_store->buildah({QStringLiteral("from"),
                                                                      QStringLiteral("scratch")},
                                                                     &error))
                                          .trimmed();
        QVERIFY2(!container.isEmpty(), qPrintable(error));
        m_store->buildah({QStringLiteral("copy"),
                          container,
                          QStringLiteral("/bin/busybox"),
                          QStringLiteral("/bin/busybox")},
                         &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_store->buildah({QStringLiteral("config"),
                          QStringLiteral("--onbuild"),
                          QStringLiteral("RUN echo from-the-registry"),
                          container},
                         &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_store->buildah({QStringLiteral("commit"),
                          QStringLiteral("--quiet"),
                          QStringLiteral("--format"),
                          QStringLiteral("docker"),
                          container,
                          QStringLiteral("localhost/regbase:1")},
                         &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(m_store->push(QStringLiteral("localhost/regbase:1"),
                               baseImage,
                               m_dir.filePath(QStringLiteral("certs")),
                               basicCredentials(),
                               &error),
                 qPrintable(error));

        const QString projectDir = m_dir.filePath(QStringLiteral("dockerfileproject"));
        QVERIFY(QDir().mkpath(projectDir + QStringLiteral("/ctx")));
        write(QStringLiteral("dockerfileproject/werf.yaml"),
              "project: storetest\nconfigVersion: 1\n---\nimage: web\n"
              "dockerfile: ctx/Dockerfile\ncontext: ctx\n");
        write(QStringLiteral("dockerfileproject/ctx/Dockerfile"),
              "FROM " + baseImage.toUtf8() + "\nRUN echo hi\n");
        const LoadedProject project = loadProject(projectDir);
        QVERIFY(project.ok());
        StorageSession session(registrySpec(m_registry.host()),
                               [accepted = credentials()](const QString &) {
                                   return std::optional<RegistryCredentials>(accepted);
                               });
        const StoragePlan result = await(planWithStorageAsync(project,
                                                              session.storage(),
                                                              session.registry()),
                                         60000);
        QVERIFY2(result.storageOk, qPrintable(result.storageError));
        const StagePlan &stage = result.plan.images.first().stages.first();
        QCOMPARE(stage.name, QStringLiteral("dockerfile"));
        QCOMPARE(stage.statusName(), QStringLiteral("missing"));
        PlanOptions options;
        options.baseImageOnBuild.insert(baseImage, {QStringLiteral("RUN echo from-the-registry")});
        QCOMPARE(stage.signature,
                 planProject(project, options).images.first().stages.first().signature);
        options.baseImageOnBuild.insert(baseImage, {});
        QVERIFY(stage.signature
                != planProject(project, options).images.first().stages.first().signature);
        QVERIFY(result.baseImagesRead.value(baseImage).contains(m_registry.host()));
    }
};

QTEST_GUILESS_MAIN(tst_RegistryStorage)
#include "tst_registrystorage.moc"
