package io.musicassistant.alexa.control.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Japanese (ja-JP): kind words run straight into the name, and the messages are read as UTF-8. */
class JapaneseParsingTest {

    private static final Messages JA = Messages.forLocale("ja-JP");

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            アルバムのokコンピューター       | ALBUM    | okコンピューター
            アルバムアビイロード             | ALBUM    | アビイロード
            アルバム ok computer             | ALBUM    | ok computer
            プレイリストのドライブ           | PLAYLIST | ドライブ
            私のプレイリストのお気に入り     | PLAYLIST | お気に入り
            曲のレモン                       | TRACK    | レモン
            楽曲のパプリカ                   | TRACK    | パプリカ
            アーティストのアデル             | ARTIST   | アデル
            歌手の松任谷由実                 | ARTIST   | 松任谷由実
            バンドのスピッツ                 | ARTIST   | スピッツ
            ラジオ局のジェイウェーブ         | RADIO    | ジェイウェーブ
            ジャンルのジャズ                 | GENRE    | ジャズ
            音楽                             | LIBRARY  | -
            何か音楽                         | LIBRARY  | -
            私の音楽                         | LIBRARY  | -
            米津玄師                         | ANY      | 米津玄師
            歌うたいのバラッド               | ANY      | 歌うたいのバラッド
            レディオヘッドのクリープ         | ANY      | レディオヘッドのクリープ
            アルバム                         | ANY      | アルバム
            """)
    void kindWordsNeedNoSpaceBeforeTheName(String spoken, ContentKind kind, String name) {
        ContentQuery q = QueryParser.parse(spoken, JA).orElseThrow();
        assertEquals(kind, q.kind(), spoken);
        assertEquals(name, q.name(), spoken);
        assertEquals(null, q.artist(), spoken);
    }

    @Test
    void latinKindWordsStillNeedTheirSpace() {
        assertEquals(
                ContentKind.ANY,
                QueryParser.parse("albumatic", Messages.english()).orElseThrow().kind());
        assertEquals(
                ContentKind.ANY,
                QueryParser.parse("アルバムのokコンピューター", Messages.english())
                        .orElseThrow()
                        .kind());
    }

    @Test
    void answersAreJapanese() {
        assertEquals("ja", JA.language());
        assertEquals("キッチンでアルバムokコンピューターをかけます。", JA.say("play.album", "name", "okコンピューター", "room", "キッチン"));
        assertEquals("2026年3月3日", JA.date(Instant.parse("2026-03-03T12:00:00Z")));
        assertEquals("キッチンとリビング", JA.and(List.of("キッチン", "リビング")));
        assertEquals("キッチンかリビング", JA.or(List.of("キッチン", "リビング")));
    }
}
