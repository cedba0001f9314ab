// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/configloader.h"
#include "git/gitcontext.h"
#include "signature/plandiff.h"
#include "signature/signaturecalculator.h"
#include "signature/signatureinputbuilder.h"

#include <QElapsedTimer>
#include <QTest>

#include <time.h>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

namespace {

// 1,000 images without git: chains of ten (`fromImage` the previous one), every fifth image
// imports from one of 20 artifacts, all with shell stages and docker instructions.
QByteArray generatedConfig(const QByteArray &editedCommand = {})
{
    QByteArray yaml = "project: bench\nconfigVersion: 1\n";
    for (int a = 0; a < 20; ++a) {
        yaml += "---\nartifact: tool-" + QByteArray::number(a)
                + "\nfrom: golang:1.21\nshell:\n  install:\n"
                  "  - go build -o /out/tool"
                + QByteArray::number(a) + " ./cmd/" + QByteArray::number(a) + "\n";
    }
    for (int i = 0; i < 1000; ++i) {
        const QByteArray n = QByteArray::number(i);
        yaml += "---\nimage: app-" + n + "\n";
        if (i % 10 == 0)
            yaml += "from: alpine:3.18\nfromCacheVersion: \"" + n + "\"\n";
        else
            yaml += "fromImage: app-" + QByteArray::number(i - 1) + "\n";
        const QByteArray command = (i == 500 && !editedCommand.isEmpty()) ? editedCommand
                                                                          : "make step-" + n;
        yaml += "shell:\n  beforeInstall:\n  - apk add --no-cache curl\n  install:\n  - " + command
                + "\n  setup:\n  - echo " + n + "\n";
        if (i % 5 == 0) {
            yaml += "import:\n- artifact: tool-" + QByteArray::number(i % 20)
                    + "\n  add: /out\n  to: /usr/local/bin\n"
                      "  after: install\n";
        }
        yaml += "docker:\n  ENV:\n    INDEX: \"" + n + "\"\n  CMD: [\"/usr/local/bin/app\", \"" + n
                + "\"]\n";
    }
    return yaml;
}

// CPU time of this thread in ms: the machine is shared, so wall time alone says little.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

} // namespace

class tst_PlanBenchmark : public QObject
{
    Q_OBJECT

private slots:
    void thousandImages();
};

void tst_PlanBenchmark::thousandImages()
{
    QElapsedTimer timer;
    timer.start();
    const LoadedProject project = loadText(u"werf.yaml"_s, generatedConfig());
    const qint64 loadMs = timer.elapsed();
    QVERIFY2(project.ok(),
             qPrintable(project.diagnostics.isEmpty() ? QString()
                                                      : project.diagnostics.first().toString()));
    const SignatureInput input = signatureInputFromProject(project);
    QCOMPARE(input.images.size(), 1020);

    GitContext git;
    timer.restart();
    double cpu = threadCpuMs();
    SignatureCalculator full(input, git);
    const Plan plan = full.calculate();
    const qint64 fullMs = timer.elapsed();
    const double fullCpuMs = threadCpuMs() - cpu;
    QCOMPARE(full.computedImageCount(), 1020);
    int stages = 0;
    for (const ImagePlan &image : plan.images) {
        QVERIFY2(!image.contentSignature.isEmpty(), qPrintable(image.name + u": "_s + image.reason));
        stages += image.stages.size();
    }

    // One edit: the install command of app-500. Only app-500..509 (its fromImage chain) change.
    const LoadedProject edited = loadText(u"werf.yaml"_s,
                                          generatedConfig("make step-500 --verbose"));
    QVERIFY(edited.ok());
    const SignatureInput editedInput = signatureInputFromProject(edited);
    timer.restart();
    cpu = threadCpuMs();
    SignatureCalculator incremental(editedInput, git);
    incremental.setPrevious(input, plan);
    const Plan replanned = incremental.calculate();
    const qint64 incrementalMs = timer.elapsed();
    const double incrementalCpuMs = threadCpuMs() - cpu;

    timer.restart();
    const Plan reference = SignatureCalculator(editedInput, git).calculate();
    const qint64 fullAgainMs = timer.elapsed();
    QCOMPARE(replanned.toJson(), reference.toJson());
    QCOMPARE(incremental.computedImageCount(), 10);

    const QList<StageChange> changes = PlanDiff::invalidated(plan, replanned);
    // app-500: install, importsAfterInstall, setup, dockerInstructions; app-501..509: every stage
    // (five each, six for app-505 with its import).
    QCOMPARE(changes.size(), 4 + 9 * 5 + 1);
    qInfo("1,020 images / %d stages: load %lld ms; full plan %lld ms wall, %.1f ms CPU; re-plan "
          "after one edit %lld ms wall, %.1f ms CPU, %d images recomputed; full plan of the edited "
          "config %lld ms wall",
          stages,
          loadMs,
          fullMs,
          fullCpuMs,
          incrementalMs,
          incrementalCpuMs,
          incremental.computedImageCount(),
          fullAgainMs);
}

QTEST_GUILESS_MAIN(tst_PlanBenchmark)

#include "tst_planbenchmark.moc"
