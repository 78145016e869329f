package io.musicassistant.alexa.masim.library;

import java.util.List;

/**
 * Word stock for {@link LibraryGenerator}. The lists mix the shapes real libraries hold — plain
 * English, accented Latin, Japanese, Cyrillic and Greek — so that name normalisation, search and
 * catalog ids meet them. Combinations are invented; any match with a real artist is chance.
 */
final class GeneratorWords {

    // spotless:off  (word tables, laid out by hand: the formatter would put one word per line)
    static final List<String> ADJECTIVES = List.of(
            "Electric", "Silver", "Golden", "Broken", "Velvet", "Hollow", "Midnight", "Neon", "Quiet", "Wild",
            "Crimson", "Paper", "Glass", "Northern", "Southern", "Lonely", "Blue", "Violet", "Distant", "Burning",
            "Frozen", "Little", "Secret", "Endless", "Radiant", "Restless", "Sleepy", "Cosmic", "Rusty", "Sweet",
            "Bitter", "Lucky", "Savage", "Gentle", "Heavy", "Hidden", "Last", "Lost", "Modern", "Ancient",
            "Holy", "Strange", "Young", "Faded", "Loud", "Tender", "Wooden", "Electric Blue", "Low", "High");

    static final List<String> NOUNS = List.of(
            "Heart", "River", "Fire", "Mirror", "Garden", "Horizon", "Shadow", "Ocean", "Station", "Highway",
            "Window", "Machine", "Letter", "Storm", "Island", "Summer", "Winter", "Diamond", "Echo", "Harbor",
            "Lantern", "Thunder", "Feather", "Compass", "Satellite", "Canyon", "Anchor", "Orchard", "Parade", "Signal",
            "Tide", "Wolf", "Crown", "Engine", "Rain", "Moon", "Desert", "Valley", "Kingdom", "Ghost",
            "Radio", "Paradise", "Skyline", "Daydream", "Hurricane", "Carousel", "Meadow", "Avenue", "Cathedral",
            "Comet", "Wire", "Stone", "Honey", "Smoke", "Velvet", "Bridge", "Ladder", "Heaven", "Tiger", "Road");

    static final List<String> PLURALS = List.of(
            "Wolves", "Lanterns", "Machines", "Strangers", "Ghosts", "Rivers", "Comets", "Tigers", "Sparrows",
            "Horses", "Kings", "Dreamers", "Satellites", "Pilots", "Monks", "Riders", "Saints", "Thieves",
            "Sailors", "Foxes", "Ravens", "Cowboys", "Engines", "Giants", "Lovers", "Ramblers", "Echoes",
            "Daughters", "Brothers", "Wanderers", "Shadows", "Bees", "Owls", "Drifters", "Crows", "Parrots");

    static final List<String> VERBS = List.of(
            "Run", "Fall", "Dance", "Wait", "Breathe", "Shine", "Hold On", "Let Go", "Stay", "Drive",
            "Dream", "Burn", "Fly", "Follow", "Forget", "Remember", "Sing", "Call", "Turn Around", "Wake Up");

    static final List<String> GERUNDS = List.of(
            "Chasing", "Waiting for", "Dancing with", "Running from", "Dreaming of", "Falling into", "Looking for",
            "Driving through", "Holding", "Singing to", "Talking to", "Walking on");

    static final List<String> CITIES = List.of(
            "Berlin", "Tokyo", "Paris", "Lisbon", "Memphis", "Brooklyn", "Reykjavík", "São Paulo", "Kraków",
            "Montréal", "Zürich", "Osaka", "Athens", "Istanbul", "Detroit", "Nashville", "Seville", "Göteborg",
            "Marrakech", "Buenos Aires", "Wien", "Düsseldorf", "Malmö", "Bogotá");

    static final List<String> VENUES = List.of(
            "Wembley", "the Royal Albert Hall", "Budokan", "Red Rocks", "the Fillmore", "Montreux", "Olympia",
            "the Apollo", "Madison Square Garden", "the Paradiso", "Glastonbury", "Carnegie Hall");

    /** Accented words that turn up in titles of Latin-script artists. */
    static final List<String> ACCENTED = List.of(
            "Café", "Déjà Vu", "Corazón", "Mañana", "Saudade", "Señorita", "Noël", "Fjäril", "Sjöbris", "Crème Brûlée",
            "Niño", "Übermorgen", "Été", "Açaí", "Cœur", "Smörgåsbord", "Ça Va", "Jalapeño", "Rêverie", "Fiancée",
            "Piñata", "Ægir", "Łódź", "Dvořák", "Naïve", "Garçon", "Canção", "Ñandú", "Résumé", "Årstid");

    static final List<String> FIRST_NAMES = List.of(
            "Anna", "James", "Zoë", "José", "Björn", "Ségolène", "Łukasz", "Anaïs", "Søren", "Nina", "Marcus",
            "Elena", "Chloé", "Mateo", "Ingrid", "Oskar", "Amélie", "Rafael", "Ines", "Jonas", "Aoife", "Kasia",
            "Tomás", "Lucía", "Émile", "Jürgen", "Noémie", "Siobhán", "Ólafur", "Dagny", "Grace", "Leon", "Maya",
            "Samuel", "Priya", "Kofi", "Yara", "Ruth", "Otis", "Billie", "Frank", "Joni", "Nick", "Patti");

    static final List<String> LAST_NAMES = List.of(
            "Ångström", "Müller", "Núñez", "Çelik", "Østergaard", "Dvořáková", "Kowalczyk", "O'Brien", "García Márquez",
            "Lindqvist", "Moreau", "Okafor", "Rossi", "Santos", "Novák", "Fischer", "Haraldsdóttir", "Jensen",
            "Martín", "Kelly", "Brown", "Ivanović", "Nakamura", "Ferreira", "Costa", "Weiß", "Schäfer", "Løvland",
            "Petit", "Smith", "Reyes", "Baptiste", "McAllister", "De la Cruz", "van der Berg", "Ó Súilleabháin");

    static final List<String> ENSEMBLES = List.of(
            "Orchestra", "Quartet", "Trio", "Ensemble", "Collective", "Band", "Choir", "Sound System", "Experience",
            "Project");

    static final List<String> FOREIGN_ARTICLES = List.of("Los", "Las", "Les", "Die", "La", "El", "De");

    // ---------------------------------------------------------------- Japanese

    static final List<String> JA_FAMILY = List.of("山田", "佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "中村",
            "小林", "加藤", "松本", "井上", "木村", "林", "清水", "森");

    static final List<String> JA_GIVEN = List.of("花子", "健", "美咲", "翔", "陽菜", "大輔", "さくら", "蓮", "結衣",
            "悠斗", "あかり", "拓海", "七海", "ひかる", "恵", "亮");

    static final List<String> JA_KATAKANA = List.of("サカナ", "ミッドナイト", "ドライブ", "メロディー", "ストーリー",
            "サマー", "ネオン", "シティ", "ポップ", "ロケット", "ギャラクシー", "スター", "ラブソング", "ダンス",
            "トーキョー", "パレード");

    static final List<String> JA_NOUNS = List.of("夜", "空", "海", "花", "夢", "星", "風", "雨", "光", "声", "桜",
            "東京", "月", "心", "涙", "春", "夏", "秋", "冬", "道", "約束", "季節", "未来", "記憶");

    static final List<String> JA_ADJECTIVES = List.of("青い", "赤い", "遠い", "優しい", "静かな", "新しい", "白い",
            "小さな", "眠れない", "終わらない");

    // ---------------------------------------------------------------- Cyrillic

    static final List<String> RU_FIRST = List.of("Алла", "Виктор", "Земфира", "Борис", "Ольга", "Сергей", "Пётр",
            "Наталья", "Юрий", "Ёлка", "Дарья", "Илья", "Фёдор", "Ксения");

    static final List<String> RU_LAST = List.of("Пугачёва", "Цоев", "Гребенщиков", "Рамазанова", "Орлова", "Шевчук",
            "Бутусов", "Королёва", "Лагутенко", "Сурганова", "Мельников", "Арбенина");

    static final List<String> RU_NOUNS = List.of("Звезда", "Ночь", "Город", "Весна", "Лето", "Дождь", "Море", "Небо",
            "Ветер", "Солнце", "Песня", "Любовь", "Дорога", "Зима", "Крыша", "Река", "Огонь", "Полёт", "Берег",
            "Сон", "Кино", "Трамвай");

    // ---------------------------------------------------------------- Greek

    static final List<String> EL_FIRST = List.of("Γιώργος", "Ελένη", "Νίκος", "Μαρία", "Δημήτρης", "Άννα",
            "Σταύρος", "Χαρούλα", "Μίκης", "Δήμητρα");

    static final List<String> EL_LAST = List.of("Παπαδόπουλος", "Αλεξίου", "Νικολάου", "Γεωργίου", "Καρράς",
            "Βανδή", "Θεοδωρίδης", "Μαυρίδου", "Κωνσταντίνου");

    static final List<String> EL_NOUNS = List.of("Ήλιος", "Θάλασσα", "Νύχτα", "Αγάπη", "Καρδιά", "Ουρανός",
            "Φεγγάρι", "Δρόμος", "Όνειρο", "Βροχή", "Φως", "Καλοκαίρι", "Αστέρι", "Μελωδία");

    // ---------------------------------------------------------------- versions, genres, radio

    static final List<String> TRACK_VERSIONS = List.of("Live", "Acoustic", "Radio Edit", "Demo", "Remix",
            "Instrumental", "Mono", "Single Version", "Extended Mix", "Live at Wembley 1986", "Unplugged",
            "Piano Version");

    static final List<String> ALBUM_EDITIONS = List.of("Deluxe Edition", "Expanded Edition", "Special Edition",
            "25th Anniversary Edition", "Super Deluxe");

    /** Extra genres beyond the seed's twelve: name and aliases (may be empty). */
    static final List<List<String>> GENRES = List.of(
            List.of("Metal", "heavy metal"), List.of("Punk", "punk rock"), List.of("Reggae"), List.of("Blues"),
            List.of("Country", "country & western"), List.of("Funk"), List.of("Disco"), List.of("House"),
            List.of("Techno"), List.of("K-Pop", "k pop"), List.of("J-Pop", "jpop"), List.of("Bossa Nova"),
            List.of("Música Popular Brasileira", "mpb"), List.of("Chanson"), List.of("Indie Folk"),
            List.of("Lo-Fi", "lofi"), List.of("Drum & Bass", "dnb", "drum and bass"), List.of("Post-Rock"),
            List.of("Synth-pop", "synthpop"), List.of("Afrobeat"), List.of("Éntekhno"), List.of("Русский рок"),
            List.of("R&B", "rnb"), List.of("Shoegaze"));

    static final List<String> RADIO_PREFIXES = List.of("Radio", "FM", "Classic", "Jazz", "Smooth", "Indie",
            "Deep", "Soul", "Chill", "Hits");
    // spotless:on

    private GeneratorWords() {}
}
