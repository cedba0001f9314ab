// SPDX-License-Identifier: GPL-3.0-or-later
#include "signature/hash.h"

#include <QTest>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

class tst_Hash : public QObject
{
    Q_OBJECT

private slots:
    void h256_data();
    void h256();
    void h3_data();
    void h3();
    void raw256();
    void emptyConstant();
};

void tst_Hash::h256_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");

    // E: no arguments hash the empty string (reference §0 / §5.1).
    QTest::newRow("no args") << QStringList()
                             << u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
    QTest::newRow("one empty arg")
            << QStringList{QString()}
            << u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
    // Empty strings are real arguments: H256("", "") = sha256(":::").
    QTest::newRow("two empty args")
            << QStringList{QString(), QString()}
            << u"f1ae2a75ed1f99721f02ef869e2fb3d4df102fdd73e2d00b424a222f9c1ea69c"_s;
    QTest::newRow("abc") << QStringList{u"abc"_s}
                         << u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
    // §5.8: from deps of `from: alpine`.
    QTest::newRow("alpine") << QStringList{
            u"alpine"_s} << u"54c5b3dd459d5ef778bb2fa1e23a5fb0e1b62ae66970bcb436e8f81a1a1a8e41"_s;
    // §5.8: the shell install checksum of `echo hi`.
    QTest::newRow("echo hi") << QStringList{
            u"echo hi"_s} << u"56a79f3b115448072387c2480044bfa2cf8f90e4f5fddd8c943b4e051b81f80b"_s;
    // §5.8: install deps = H256(checksum, E).
    QTest::newRow("install deps")
            << QStringList{u"56a79f3b115448072387c2480044bfa2cf8f90e4f5fddd8c943b4e051b81f80b"_s,
                           u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s}
            << u"2cf9c1dde4f8b025e7e21a466a901eb7d3916bf2ed248d821e0b72840717c3c8"_s;
    // Non-ASCII arguments are hashed as UTF-8.
    QTest::newRow("utf-8") << QStringList{u"привет"_s, u"ü"_s}
                           << u"fb1b73408da4b82b803367db7c165882da5daf89152d1c88349b39fbe7ef06c5"_s;
}

void tst_Hash::h256()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QCOMPARE(Hash::h256(args), expected);
}

void tst_Hash::h3_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");

    // FIPS 202 SHA3-224 test vectors; Keccak-224("") would be f71837502ba8e108...
    QTest::newRow("empty") << QStringList()
                           << u"6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7"_s;
    QTest::newRow("abc") << QStringList{u"abc"_s}
                         << u"e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf"_s;
    // §5.8: the from signature of `from: alpine`.
    QTest::newRow("from signature")
            << QStringList{u"1.1"_s,
                           u"from"_s,
                           u"54c5b3dd459d5ef778bb2fa1e23a5fb0e1b62ae66970bcb436e8f81a1a1a8e41"_s}
            << u"2bc41fbd00277e3021c613fcfdcef2716ed893bee29b36f928136e47"_s;
    // §5.8: the from content signature (empty deps, empty next-stage deps).
    QTest::newRow("from content signature")
            << QStringList{u"1.1"_s,
                           u"from-content"_s,
                           QString(),
                           u"2bc41fbd00277e3021c613fcfdcef2716ed893bee29b36f928136e47"_s,
                           QString()}
            << u"00b8bd6610045a82411d2e118225ea0542c180c7650b66f86cba15e6"_s;
    // §5.8: install signature, with the trailing empty next-deps of `from`.
    QTest::newRow("install signature")
            << QStringList{u"1.1"_s,
                           u"install"_s,
                           u"2cf9c1dde4f8b025e7e21a466a901eb7d3916bf2ed248d821e0b72840717c3c8"_s,
                           u"2bc41fbd00277e3021c613fcfdcef2716ed893bee29b36f928136e47"_s,
                           QString()}
            << u"81c87280ce7c5d0c8ec2ed20aa48289736f1045cb0c947ad64b3080d"_s;
}

void tst_Hash::h3()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const QString result = Hash::h3(args);
    QCOMPARE(result.size(), 56);
    QCOMPARE(result, expected);
}

void tst_Hash::raw256()
{
    // RAW256 adds no separators: the golden paramshash string of §5.6.1.
    QCOMPARE(Hash::raw256(QByteArrayLiteral(
                     "own_own:::/app::::::abc:::a/aa/ba/c:::user:::group:::::::::")),
             u"e1e84d6984e36c9cdbf2812cdb0be661a76b47e2f9f7a83759cf8a0beba8cb93"_s);
    // §5.9: paramshash with nothing but `to`.
    QCOMPARE(Hash::raw256(QByteArrayLiteral("own_own:::/app::::::::::::::::::::::::")),
             u"69595bebc4fb0895aebaaf3d1d7a1fbfc3bad0380610b6910cd05e2bc52fc63d"_s);
    QCOMPARE(Hash::sha1(QByteArray("blob 3\0{}\n", 10)),
             u"0967ef424bce6791893e9a57bb952f80fd536e93"_s);
}

void tst_Hash::emptyConstant()
{
    QCOMPARE(Hash::emptySha256(), Hash::raw256(QByteArrayView()));
    QCOMPARE(Hash::emptySha256(), Hash::h256({}));
    QCOMPARE(Hash::joined({QString(), QString(), QString()}), QByteArrayLiteral("::::::"));
}

QTEST_APPLESS_MAIN(tst_Hash)

#include "tst_hash.moc"
