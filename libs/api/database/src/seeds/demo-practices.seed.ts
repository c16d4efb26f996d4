import { EntityManager } from 'typeorm';

type Area =
  | 'SOCIAL_SERVICES'
  | 'TECHNICAL_SERVICES'
  | 'INSTITUTIONAL_DEVELOPMENT'
  | 'ENERGY_EFFICIENCY'
  | 'NGO_COOPERATION'
  | 'INTER_MUNICIPAL_COOPERATION'
  | 'SOCIAL_DIALOGUE'
  | 'EDUCATION'
  | 'HOUSING'
  | 'TRANSPORT'
  | 'ENVIRONMENT'
  | 'CULTURE'
  | 'DIGITAL'
  | 'FINANCE'
  | 'REVITALISATION'
  | 'HEALTH';

interface DemoPractice {
  title: string;
  /** TERYT of the implementing city, or `small:<n>`: the n-th member urban gmina (no name in the text). */
  city: string;
  partners?: string[];
  area: Area;
  tags: string[];
  problem: string;
  goals: string;
  actions: string;
  results: string;
  /** PLN (stored in grosze). */
  cost: number;
  funding: [string, number][];
  period: [string, string | null];
  innovation: string;
  transferability: string;
  lessons: string;
  verified: ['COMPETITION' | 'WORKING_GROUP' | 'OFFICE' | 'CITY_RECOMMENDATION', string, string];
  links?: [string, string][];
  /** The demo person who wrote it and answers questions (by name); none for cities without demo people. */
  contact?: string;
  status?: 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'ARCHIVED';
  reviewComment?: string;
}

const LODZ = '1061011';
const POZNAN = '3064011';
const WARSZAWA = '1465011';
const KRAKOW = '1261011';
const WROCLAW = '0264011';
const GDANSK = '2261011';
const KATOWICE = '2469011';
const ZORY = '2479011';
const LUBLIN = '0663011';
const SZCZECIN = '3262011';

/**
 * Forty good practices as member cities would describe them: real cities, realistic
 * figures, in Polish. Most are published; a few wait in the office's queue or in drafts so
 * the review screens have something to show.
 */
const DEMO_PRACTICES: readonly DemoPractice[] = [
  {
    title: 'Centrum Usług Wspólnych dla szkół w Łodzi',
    city: LODZ,
    area: 'EDUCATION',
    tags: ['oświata', 'księgowość', 'CUW', 'kadry'],
    problem:
      'Każda z 180 szkół i przedszkoli prowadziła własną księgowość i kadry. Koszty obsługi rosły, a jakość sprawozdań była nierówna.',
    goals:
      'Obniżyć koszty obsługi administracyjnej placówek oświatowych i ujednolicić procedury finansowe.',
    actions:
      'Uchwałą rady miejskiej powołano Centrum Usług Wspólnych; przeniesiono do niego księgowość, płace i zamówienia publiczne szkół, wdrożono jeden system finansowo-księgowy.',
    results:
      'Koszt obsługi jednej placówki spadł o 23%, liczba etatów administracyjnych o 64, a terminowość sprawozdań budżetowych wzrosła do 100%.',
    cost: 2_400_000,
    funding: [['budżet miasta', 2_400_000]],
    period: ['2019-09-01', '2021-08-31'],
    innovation: 'Jedna księgowość dla wszystkich placówek i wspólne zamówienia na media.',
    transferability:
      'Każde miasto na prawach powiatu; w mniejszych gminach wspólne CUW kilku gmin.',
    lessons: 'Dyrektorów szkół trzeba włączyć od początku; bez tego opór jest duży.',
    verified: ['WORKING_GROUP', 'Grupa wymiany doświadczeń „Edukacja”', '2022-03-15'],
    links: [['Uchwała o utworzeniu CUW', 'https://bip.uml.lodz.pl']],
    contact: 'Katarzyna Lewandowska',
  },
  {
    title: 'Termomodernizacja budynków komunalnych w Poznaniu',
    city: POZNAN,
    area: 'ENERGY_EFFICIENCY',
    tags: ['termomodernizacja', 'budynki komunalne', 'ciepło'],
    problem:
      'Czterdzieści budynków komunalnych z lat 60. i 70. zużywało ponad 250 kWh/m² rocznie; rachunki za ciepło obciążały budżet i lokatorów.',
    goals:
      'Zmniejszyć zużycie energii cieplnej o co najmniej 40% i obniżyć koszty utrzymania zasobu.',
    actions:
      'Audyty energetyczne, docieplenie ścian i stropodachów, wymiana okien, modernizacja węzłów cieplnych i montaż zaworów termostatycznych; prace etapami, bez wysiedlania lokatorów.',
    results:
      'Zużycie ciepła spadło średnio o 46%, emisja CO₂ o 3 100 ton rocznie, a opłaty lokatorów za ogrzewanie o jedną trzecią.',
    cost: 38_500_000,
    funding: [
      ['Wielkopolski Regionalny Program Operacyjny', 23_100_000],
      ['budżet miasta', 15_400_000],
    ],
    period: ['2018-04-01', '2022-10-31'],
    innovation: 'Monitoring zużycia w każdym budynku po modernizacji, publikowany lokatorom.',
    transferability: 'Wysoka: typowy zasób komunalny w większości miast.',
    lessons: 'Warto od razu zaplanować monitoring; bez niego trudno wykazać efekt.',
    verified: ['OFFICE', 'Weryfikacja Biura Związku na podstawie audytów ex post', '2023-02-10'],
    contact: 'Maria Wiśniewska',
  },
  {
    title: 'Społeczna agencja najmu w Żorach',
    city: ZORY,
    area: 'HOUSING',
    tags: ['mieszkania', 'najem', 'SAN'],
    problem:
      'Rodziny o średnich dochodach nie mieściły się w kryteriach mieszkań komunalnych, a na rynku brakowało tanich mieszkań na wynajem.',
    goals:
      'Pozyskać mieszkania od prywatnych właścicieli i wynajmować je poniżej stawek rynkowych.',
    actions:
      'Miasto powierzyło prowadzenie agencji organizacji pozarządowej, która gwarantuje właścicielom czynsz i stan lokalu, a najemcom zapewnia wsparcie.',
    results:
      'W pierwszym roku 30 mieszkań, zaległości czynszowe poniżej 2%, 90% umów przedłużonych.',
    cost: 650_000,
    funding: [
      ['budżet miasta', 450_000],
      ['Bank Gospodarstwa Krajowego', 200_000],
    ],
    period: ['2022-01-01', null],
    innovation: 'Gwarancja czynszu dla właściciela połączona z pracą socjalną z najemcą.',
    transferability: 'Miasta z dużym zasobem prywatnych pustostanów.',
    lessons: 'Najtrudniejsze są ubezpieczenie lokali i rozliczanie mediów.',
    verified: ['WORKING_GROUP', 'Grupa „Gospodarka mieszkaniowa”', '2023-05-20'],
    contact: 'Łukasz Mazurek',
  },
  {
    title: 'Odpracowanie zaległości czynszowych w Warszawie',
    city: WARSZAWA,
    area: 'HOUSING',
    tags: ['zadłużenie', 'czynsz', 'lokatorzy'],
    problem: 'Zadłużenie lokatorów mieszkań komunalnych przekroczyło 700 mln zł.',
    goals: 'Dać dłużnikom realną drogę spłaty i ograniczyć eksmisje.',
    actions:
      'Program odpracowania długu w jednostkach miejskich (zieleń, porządek, pomoc w szkołach) ze wsparciem pracownika socjalnego i rozłożeniem reszty na raty.',
    results: 'Z programu skorzystało 1 140 osób; łączne zadłużenie uczestników spadło o 17%.',
    cost: 1_200_000,
    funding: [['budżet miasta', 1_200_000]],
    period: ['2020-03-01', null],
    innovation: 'Połączenie odpracowania z indywidualnym planem wyjścia z długu.',
    transferability: 'Każda gmina z zasobem komunalnym.',
    lessons: 'Bez pracownika socjalnego uczestnicy szybko rezygnują.',
    verified: ['WORKING_GROUP', 'Grupa „Gospodarka mieszkaniowa”', '2022-11-05'],
    contact: 'Michał Kamiński',
  },
  {
    title: 'Program wymiany źródeł ciepła w Krakowie',
    city: KRAKOW,
    area: 'ENVIRONMENT',
    tags: ['smog', 'niska emisja', 'piece węglowe', 'źródła ciepła'],
    problem: 'Piece na węgiel w kamienicach były głównym źródłem smogu zimą.',
    goals: 'Wyeliminować paleniska na paliwa stałe przed wejściem zakazu uchwały antysmogowej.',
    actions:
      'Dotacje do 100% kosztów podłączenia do sieci ciepłowniczej lub gazowej, dopłaty do rachunków dla ubogich gospodarstw, punkt obsługi mieszkańców.',
    results: 'Zlikwidowano ponad 24 000 palenisk; stężenie pyłu PM10 spadło o 30%.',
    cost: 250_000_000,
    funding: [
      ['budżet miasta', 150_000_000],
      ['Regionalny Program Operacyjny Województwa Małopolskiego', 100_000_000],
    ],
    period: ['2013-01-01', '2019-09-01'],
    innovation: 'Osłona kosztów ogrzewania dla najuboższych po wymianie pieca.',
    transferability: 'Wszystkie miasta z zabudową ogrzewaną węglem.',
    lessons: 'Dopłaty do rachunków są równie ważne jak dotacja do wymiany.',
    verified: ['COMPETITION', 'Konkurs „Samorządowy Lider Zarządzania”', '2020-06-18'],
    contact: 'Paweł Szymański',
  },
  {
    title: 'Centrum Usług Społecznych we Wrocławiu',
    city: WROCLAW,
    area: 'SOCIAL_SERVICES',
    tags: ['CUS', 'usługi społeczne', 'pomoc społeczna'],
    problem:
      'Usługi społeczne rozproszone między kilkanaście jednostek; mieszkańcy nie wiedzieli, gdzie szukać pomocy.',
    goals: 'Jedno miejsce koordynacji usług społecznych i plan usług dla całego miasta.',
    actions:
      'Przekształcenie ośrodka pomocy społecznej w CUS, diagnoza potrzeb, program usług społecznych, organizator usług w każdej dzielnicy.',
    results: 'Czas oczekiwania na usługi opiekuńcze skrócił się z 21 do 6 dni; 14 nowych usług.',
    cost: 4_800_000,
    funding: [
      ['Program Operacyjny Wiedza Edukacja Rozwój', 3_600_000],
      ['budżet miasta', 1_200_000],
    ],
    period: ['2020-01-01', '2023-12-31'],
    innovation: 'Organizator usług społecznych jako jeden kontakt dla rodziny.',
    transferability: 'Gminy przygotowujące się do ustawy o CUS.',
    lessons: 'Diagnoza potrzeb zajęła dłużej niż planowano; warto zacząć od danych, które już są.',
    verified: ['WORKING_GROUP', 'Grupa „Pomoc społeczna”', '2024-02-28'],
    contact: 'Joanna Woźniak',
  },
  {
    title: 'Wspólne zakupy energii dla miast Górnego Śląska',
    city: KATOWICE,
    partners: ['2466011', '2478011', '2475011', '2473011', ZORY],
    area: 'INTER_MUNICIPAL_COOPERATION',
    tags: ['energia elektryczna', 'zakupy grupowe', 'przetarg'],
    problem: 'Każde miasto kupowało energię osobno, po cenach wyższych niż duzi odbiorcy.',
    goals: 'Obniżyć cenę energii elektrycznej przez wspólny przetarg.',
    actions:
      'Porozumienie międzygminne, Katowice jako lider grupy zakupowej, wspólny opis zamówienia dla ponad 3 000 punktów poboru.',
    results: 'Oszczędność 11% w pierwszym roku umowy, około 9 mln zł dla sześciu miast.',
    cost: 180_000,
    funding: [['budżety miast partnerskich', 180_000]],
    period: ['2021-06-01', '2022-12-31'],
    innovation: 'Jedna procedura dla jednostek sześciu miast, z ich spółkami.',
    transferability: 'Każda grupa sąsiednich gmin.',
    lessons: 'Najwięcej czasu zajęło zebranie danych o punktach poboru.',
    verified: ['OFFICE', 'Biuro Związku, analiza umów', '2023-01-20'],
    contact: 'Magdalena Jankowska',
  },
  {
    title: 'Mieszkania wspomagane dla seniorów w Lublinie',
    city: LUBLIN,
    area: 'SOCIAL_SERVICES',
    tags: ['seniorzy', 'mieszkania wspomagane', 'opieka'],
    problem:
      'Starsi mieszkańcy trafiali do DPS, choć przy niewielkim wsparciu mogliby mieszkać samodzielnie.',
    goals: 'Opóźnić przejście do opieki instytucjonalnej.',
    actions:
      'Adaptacja 12 lokali komunalnych, teleopieka, asystent osobisty i wspólna przestrzeń dzienna.',
    results: 'Koszt miesięczny o 45% niższy niż pobyt w DPS; 22 osoby mieszkają samodzielnie.',
    cost: 3_100_000,
    funding: [
      ['Regionalny Program Operacyjny Województwa Lubelskiego', 2_200_000],
      ['budżet miasta', 900_000],
    ],
    period: ['2019-05-01', '2021-12-31'],
    innovation: 'Mieszkania w zwykłych kamienicach, nie w osobnym budynku.',
    transferability: 'Miasta z zasobem komunalnym i rosnącą liczbą seniorów.',
    lessons: 'Sąsiedzi lepiej przyjmują projekt, gdy poznają go przed remontem.',
    verified: [
      'CITY_RECOMMENDATION',
      'Rekomendacja Miasta Białystok po wizycie studyjnej',
      '2022-09-12',
    ],
    contact: 'Barbara Krawczyk',
  },
  {
    title: 'Zielone przystanki i retencja w Szczecinie',
    city: SZCZECIN,
    area: 'ENVIRONMENT',
    tags: ['retencja', 'zieleń', 'deszczówka', 'przystanki'],
    problem: 'Ulewy zalewały przystanki i ulice, a kanalizacja deszczowa była przeciążona.',
    goals: 'Zatrzymać wodę opadową tam, gdzie spada.',
    actions:
      'Zielone dachy na 60 wiatach, ogrody deszczowe przy ulicach, niecki chłonne na skwerach.',
    results:
      'Retencja ok. 1 800 m³ wody przy jednym deszczu nawalnym; mniej podtopień w trzech dzielnicach.',
    cost: 5_600_000,
    funding: [
      ['Narodowy Fundusz Ochrony Środowiska', 3_900_000],
      ['budżet miasta', 1_700_000],
    ],
    period: ['2020-04-01', '2022-06-30'],
    innovation: 'Standard projektowy ogrodu deszczowego dla wszystkich inwestycji drogowych.',
    transferability: 'Każde miasto; najprościej przy remontach ulic.',
    lessons: 'Utrzymanie zieleni trzeba zaplanować w umowie z wykonawcą na pięć lat.',
    verified: ['COMPETITION', 'Konkurs „Miasto przyjazne klimatowi”', '2023-04-25'],
    contact: 'Grzegorz Kaczmarek',
  },
  {
    title: 'Budżet obywatelski dla młodzieży w Gdańsku',
    city: GDANSK,
    area: 'SOCIAL_DIALOGUE',
    tags: ['budżet obywatelski', 'młodzież', 'partycypacja'],
    problem: 'Młodzież prawie nie głosowała w budżecie obywatelskim i nie zgłaszała projektów.',
    goals: 'Włączyć uczniów szkół średnich w decyzje o wydatkach miasta.',
    actions:
      'Osobna pula w budżecie obywatelskim, zgłaszanie projektów przez szkoły, warsztaty z kosztorysowania, głosowanie w szkołach.',
    results: '62 projekty zgłoszone w pierwszej edycji, frekwencja uczniów 38%.',
    cost: 1_000_000,
    funding: [['budżet miasta', 1_000_000]],
    period: ['2021-01-01', null],
    innovation: 'Uczniowie sami kosztorysują projekty z urzędnikami.',
    transferability: 'Każde miasto z budżetem obywatelskim.',
    lessons: 'Nauczyciele-opiekunowie są kluczowi dla frekwencji.',
    verified: ['COMPETITION', 'Konkurs „Partycypacja w praktyce”', '2022-05-30'],
    contact: 'Krzysztof Kozłowski',
  },
  {
    title: 'Elektroniczny obieg dokumentów w Urzędzie Miasta Rzeszowa',
    city: '1863011',
    area: 'DIGITAL',
    tags: ['EZD', 'cyfryzacja', 'urząd'],
    problem: 'Papierowy obieg spraw wydłużał ich załatwianie i utrudniał kontrolę terminów.',
    goals: 'Prowadzić wszystkie sprawy w systemie EZD.',
    actions:
      'Wdrożenie EZD RP, szkolenia 900 pracowników, digitalizacja korespondencji wpływającej w kancelarii.',
    results:
      'Średni czas obiegu pisma skrócił się z 3 dni do 4 godzin; zużycie papieru spadło o 60%.',
    cost: 2_900_000,
    funding: [
      ['Program Operacyjny Polska Cyfrowa', 2_300_000],
      ['budżet miasta', 600_000],
    ],
    period: ['2020-01-01', '2022-12-31'],
    innovation: 'Pełna digitalizacja w kancelarii już przy przyjęciu pisma.',
    transferability: 'Wszystkie urzędy; EZD RP jest bezpłatny.',
    lessons: 'Wdrażać wydziałami, zaczynając od najbardziej chętnych.',
    verified: ['OFFICE', 'Biuro Związku', '2023-06-14'],
  },
  {
    title: 'Wypożyczalnia sprzętu rehabilitacyjnego w Białymstoku',
    city: '2061011',
    area: 'HEALTH',
    tags: ['rehabilitacja', 'seniorzy', 'wypożyczalnia'],
    problem: 'Rodziny opiekujące się chorymi kupowały drogi sprzęt na kilka tygodni.',
    goals: 'Udostępnić sprzęt bezpłatnie na czas rekonwalescencji.',
    actions:
      'Miejska wypożyczalnia łóżek, wózków i koncentratorów tlenu prowadzona z organizacją pozarządową; dowóz do domu.',
    results: '1 400 wypożyczeń rocznie, średnio 7 tygodni; 95% sprzętu wraca w dobrym stanie.',
    cost: 420_000,
    funding: [
      ['budżet miasta', 320_000],
      ['darowizny', 100_000],
    ],
    period: ['2019-03-01', null],
    innovation: 'Dowóz i montaż sprzętu przez wolontariuszy.',
    transferability: 'Każde miasto, także małe.',
    lessons: 'Rejestr online skraca kolejkę.',
    verified: ['CITY_RECOMMENDATION', 'Rekomendacja Miasta Lublin', '2021-10-01'],
  },
  {
    title: 'Rewitalizacja Księżego Młyna w Łodzi',
    city: LODZ,
    area: 'REVITALISATION',
    tags: ['rewitalizacja', 'zabytki', 'osiedle robotnicze'],
    problem: 'Zabytkowe osiedle robotnicze niszczało, a mieszkańcy żyli w lokalach bez łazienek.',
    goals: 'Odnowić osiedle z mieszkańcami, nie zamiast nich.',
    actions:
      'Remont 17 budynków, łazienki w każdym mieszkaniu, lokale dla rzemieślników i artystów, konsultacje z mieszkańcami na każdym etapie.',
    results: '90% dotychczasowych mieszkańców zostało; 26 nowych działalności w parterach.',
    cost: 38_000_000,
    funding: [
      ['Regionalny Program Operacyjny Województwa Łódzkiego', 28_000_000],
      ['budżet miasta', 10_000_000],
    ],
    period: ['2015-06-01', '2019-12-31'],
    innovation: 'Mieszkańcy współdecydowali o układzie mieszkań.',
    transferability: 'Miasta z zabytkową zabudową komunalną.',
    lessons: 'Lokale zastępcze na czas remontu trzeba mieć zanim ruszą prace.',
    verified: ['COMPETITION', 'Nagroda „Modernizacja Roku”', '2020-11-20'],
    contact: 'Tomasz Zieliński',
  },
  {
    title: 'Wspólna komunikacja miejska Torunia i gmin ościennych',
    city: '0463011',
    area: 'TRANSPORT',
    tags: ['komunikacja miejska', 'bilet wspólny', 'aglomeracja'],
    problem:
      'Mieszkańcy gmin podmiejskich dojeżdżali samochodami, bo autobusy kończyły bieg na granicy miasta.',
    goals: 'Jedna sieć i jeden bilet dla miasta i sąsiednich gmin.',
    actions:
      'Porozumienia międzygminne, przedłużenie 8 linii, wspólna taryfa, dopłaty gmin według wozokilometrów.',
    results: 'Liczba pasażerów z gmin wzrosła o 34%; 2 000 samochodów mniej dziennie na wjazdach.',
    cost: 6_200_000,
    funding: [
      ['budżety gmin partnerskich', 2_500_000],
      ['budżet miasta', 3_700_000],
    ],
    period: ['2018-01-01', null],
    innovation: 'Przejrzysty algorytm podziału kosztów między gminy.',
    transferability: 'Miasta z gminami podmiejskimi.',
    lessons: 'Algorytm kosztów trzeba uzgodnić przed uruchomieniem linii.',
    verified: ['WORKING_GROUP', 'Grupa „Transport publiczny i drogi”', '2021-04-09'],
  },
  {
    title: 'Inteligentne oświetlenie uliczne LED w Płocku',
    city: '1462011',
    area: 'ENERGY_EFFICIENCY',
    tags: ['oświetlenie', 'LED', 'energia'],
    problem: 'Oświetlenie uliczne pochłaniało 40% rachunku miasta za energię.',
    goals: 'Zmniejszyć zużycie energii na oświetlenie o połowę.',
    actions:
      'Wymiana 9 000 opraw na LED ze sterowaniem, ściemnianie w nocy, zdalne zgłaszanie awarii.',
    results: 'Zużycie energii spadło o 68%, koszty utrzymania o 1,9 mln zł rocznie.',
    cost: 17_500_000,
    funding: [
      ['Narodowy Fundusz Ochrony Środowiska, program SOWA', 12_000_000],
      ['budżet miasta', 5_500_000],
    ],
    period: ['2019-03-01', '2021-11-30'],
    innovation: 'Sterowanie natężeniem światła według ruchu.',
    transferability: 'Każde miasto z własnym oświetleniem.',
    lessons: 'Wcześniej przejąć oprawy od spółki energetycznej.',
    verified: ['OFFICE', 'Biuro Związku', '2022-04-04'],
  },
  {
    title: 'Miejski program grantów dla organizacji pozarządowych w Olsztynie',
    city: '2862011',
    area: 'NGO_COOPERATION',
    tags: ['NGO', 'granty', 'regranting'],
    problem: 'Małe organizacje nie startowały w konkursach, bo procedury były zbyt skomplikowane.',
    goals: 'Ułatwić małym organizacjom i grupom nieformalnym dostęp do środków.',
    actions:
      'Mikrogranty do 10 000 zł przez operatora, wniosek online na dwie strony, doradztwo przy pisaniu.',
    results: '120 mikrograntów w dwa lata, 45 organizacji po raz pierwszy ze środkami miasta.',
    cost: 1_300_000,
    funding: [['budżet miasta', 1_300_000]],
    period: ['2021-03-01', null],
    innovation: 'Regranting przez lokalną organizację jako operatora.',
    transferability: 'Wysoka; ustawa o działalności pożytku publicznego na to pozwala.',
    lessons: 'Operator musi mieć doświadczenie w rozliczaniu dotacji.',
    verified: ['COMPETITION', 'Konkurs „Samorząd przyjazny NGO”', '2023-03-08'],
  },
  {
    title: 'Rada Seniorów i konsultacje w Opolu',
    city: '1661011',
    area: 'SOCIAL_DIALOGUE',
    tags: ['seniorzy', 'konsultacje', 'rada'],
    problem: 'Seniorzy rzadko brali udział w konsultacjach społecznych online.',
    goals: 'Stałe ciało doradcze i konsultacje dostępne dla starszych mieszkańców.',
    actions: 'Rada Seniorów, punkty konsultacyjne w klubach seniora, dyżury urzędników.',
    results: 'Udział seniorów w konsultacjach wzrósł trzykrotnie.',
    cost: 80_000,
    funding: [['budżet miasta', 80_000]],
    period: ['2019-01-01', null],
    innovation: 'Dyżury urzędników w klubach seniora.',
    transferability: 'Każde miasto.',
    lessons: 'Rada potrzebuje sekretariatu w urzędzie.',
    verified: ['OFFICE', 'Biuro Związku', '2021-09-09'],
  },
  {
    title: 'Program „Mieszkanie za remont” w Bydgoszczy',
    city: '0461011',
    area: 'HOUSING',
    tags: ['pustostany', 'remont', 'mieszkania komunalne'],
    problem: 'Kilkaset pustostanów czekało latami na remont, a kolejka oczekujących rosła.',
    goals: 'Szybciej udostępniać zdegradowane lokale.',
    actions:
      'Najemca remontuje lokal na własny koszt według zakresu z urzędu, w zamian za zaliczenie nakładów na czynsz.',
    results: '310 lokali wyremontowanych w trzy lata; średni czas oczekiwania krótszy o rok.',
    cost: 450_000,
    funding: [['budżet miasta', 450_000]],
    period: ['2019-01-01', null],
    innovation: 'Rozliczenie nakładów w czynszu zamiast zwrotu.',
    transferability: 'Gminy z dużą liczbą pustostanów.',
    lessons: 'Odbiór techniczny musi być rzetelny.',
    verified: ['WORKING_GROUP', 'Grupa „Gospodarka mieszkaniowa”', '2021-12-02'],
  },
  {
    title: 'Kontrakty z dyrektorami szkół na wyniki w Gdyni',
    city: '2262011',
    area: 'EDUCATION',
    tags: ['szkoły', 'zarządzanie', 'wskaźniki'],
    problem: 'Organ prowadzący nie miał narzędzi do rozmowy z dyrektorami o wynikach szkół.',
    goals: 'Uzgodnić z dyrektorami mierzalne cele i wspierać ich realizację.',
    actions:
      'Roczne kontrakty z celami (wyniki egzaminów, frekwencja, rekrutacja), spotkania przeglądowe, wsparcie doradców.',
    results: 'Średni wynik egzaminu ósmoklasisty z matematyki wzrósł o 6 punktów procentowych.',
    cost: 150_000,
    funding: [['budżet miasta', 150_000]],
    period: ['2018-09-01', null],
    innovation: 'Kontrakt jako rozmowa, nie jako kara.',
    transferability: 'Średnie i duże miasta.',
    lessons: 'Cele trzeba ustalać razem z dyrektorem.',
    verified: ['WORKING_GROUP', 'Grupa „Edukacja”', '2020-02-14'],
  },
  {
    title: 'Standard dostępności przestrzeni publicznej w Sopocie',
    city: '2264011',
    area: 'REVITALISATION',
    tags: ['dostępność', 'niepełnosprawność', 'projektowanie uniwersalne'],
    problem: 'Inwestycje miejskie powstawały z barierami dla osób z niepełnosprawnościami.',
    goals: 'Jedne zasady projektowania dla wszystkich inwestycji.',
    actions:
      'Zarządzenie wprowadzające standard, audytor dostępności w urzędzie, obowiązkowe uzgodnienie projektów.',
    results: 'Wszystkie 48 inwestycji od 2020 r. uzgodnione; liczba skarg spadła o 70%.',
    cost: 120_000,
    funding: [['budżet miasta', 120_000]],
    period: ['2020-01-01', null],
    innovation: 'Audytor dostępności opiniuje projekt przed przetargiem.',
    transferability: 'Każde miasto.',
    lessons: 'Standard musi obejmować także spółki miejskie.',
    verified: ['COMPETITION', 'Konkurs „Lodołamacze”', '2022-10-21'],
  },
  {
    title: 'Centrum Organizacji Pozarządowych w Gliwicach',
    city: '2466011',
    area: 'NGO_COOPERATION',
    tags: ['NGO', 'inkubator', 'lokal'],
    problem: 'Organizacje nie miały gdzie się spotykać ani prowadzić zajęć.',
    goals: 'Wspólne miejsce i wsparcie dla organizacji.',
    actions:
      'Adaptacja budynku, sale do rezerwacji online, doradztwo prawne i księgowe, wspólne wydarzenia.',
    results: '140 organizacji korzysta z centrum, 2 300 rezerwacji sal rocznie.',
    cost: 2_100_000,
    funding: [['budżet miasta', 2_100_000]],
    period: ['2017-05-01', null],
    innovation: 'Organizacje współzarządzają centrum przez radę użytkowników.',
    transferability: 'Średnie i duże miasta.',
    lessons: 'Rezerwacje online i jasny regulamin zapobiegają konfliktom.',
    verified: ['CITY_RECOMMENDATION', 'Rekomendacja Miasta Tychy', '2019-12-12'],
  },
  {
    title: 'Strefa płatnego parkowania z cenami zależnymi od popytu w Częstochowie',
    city: '2464011',
    area: 'TRANSPORT',
    tags: ['parkowanie', 'SPP', 'opłaty'],
    problem: 'W centrum brakowało miejsc, a rotacja była niska.',
    goals: 'Zwiększyć rotację i dostępność miejsc postojowych.',
    actions:
      'Podział strefy na podstrefy z różnymi stawkami, czujniki zajętości, płatność w aplikacji.',
    results: 'Zajętość w centrum spadła z 98% do 82%, a rotacja wzrosła o 40%.',
    cost: 2_700_000,
    funding: [['budżet miasta', 2_700_000]],
    period: ['2020-07-01', null],
    innovation: 'Stawki korygowane co pół roku według danych z czujników.',
    transferability: 'Miasta ze strefą płatnego parkowania.',
    lessons: 'Przed zmianą stawek trzeba pokazać mieszkańcom dane.',
    verified: ['OFFICE', 'Biuro Związku', '2022-08-30'],
  },
  {
    title: 'Porozumienie gmin o wspólnym schronisku dla zwierząt',
    city: '0262011',
    partners: ['0261011', '0265011'],
    area: 'INTER_MUNICIPAL_COOPERATION',
    tags: ['schronisko', 'zwierzęta', 'porozumienie międzygminne'],
    problem: 'Gminy płaciły prywatnym schroniskom coraz więcej, a zwierzęta trafiały daleko.',
    goals: 'Wspólne schronisko prowadzone przez gminy.',
    actions:
      'Porozumienie międzygminne, modernizacja schroniska w Legnicy, koszty według liczby przyjętych zwierząt.',
    results: 'Koszt na zwierzę niższy o 35%; adopcje wzrosły o połowę.',
    cost: 4_000_000,
    funding: [['budżety gmin partnerskich', 4_000_000]],
    period: ['2018-01-01', '2020-06-30'],
    innovation: 'Rozliczenie kosztów według faktycznej liczby zwierząt.',
    transferability: 'Sąsiednie gminy bez własnego schroniska.',
    lessons: 'Porozumienie powinno regulować wyjście gminy ze współpracy.',
    verified: ['WORKING_GROUP', 'Grupa „Usługi komunalne”', '2021-03-03'],
  },
  {
    title: 'Cyfrowe zgłoszenia mieszkańców w Tychach',
    city: '2477011',
    area: 'DIGITAL',
    tags: ['aplikacja', 'zgłoszenia', 'e-usługi'],
    problem: 'Zgłoszenia dziur, śmieci czy awarii trafiały telefonicznie do wielu jednostek.',
    goals: 'Jedna aplikacja i jeden rejestr zgłoszeń.',
    actions:
      'Aplikacja mobilna i formularz, automatyczne przekazanie do właściwej jednostki, status widoczny dla zgłaszającego.',
    results: '18 000 zgłoszeń rocznie; 80% załatwionych w ciągu 7 dni.',
    cost: 600_000,
    funding: [['budżet miasta', 600_000]],
    period: ['2019-04-01', null],
    innovation: 'Publiczny status każdego zgłoszenia na mapie.',
    transferability: 'Każde miasto; dostępne gotowe systemy.',
    lessons: 'Jednostki muszą mieć obowiązek odpowiedzi w systemie.',
    verified: ['COMPETITION', 'Konkurs „Cyfrowy samorząd”', '2021-05-19'],
  },
  {
    title: 'Zarządzanie energią w budynkach publicznych w Bielsku-Białej',
    city: '2461011',
    area: 'ENERGY_EFFICIENCY',
    tags: ['energia', 'monitoring', 'budynki publiczne'],
    problem: 'Miasto nie wiedziało, które budynki zużywają najwięcej energii.',
    goals: 'Stały monitoring i obniżenie zużycia bez dużych inwestycji.',
    actions:
      'Zdalny odczyt liczników w 160 budynkach, energetyk miejski, szkolenia gospodarzy obiektów, harmonogramy ogrzewania.',
    results: 'Zużycie energii cieplnej spadło o 14%, elektrycznej o 9% w dwa lata.',
    cost: 900_000,
    funding: [['budżet miasta', 900_000]],
    period: ['2020-09-01', null],
    innovation: 'Ranking budynków publikowany co miesiąc dyrektorom.',
    transferability: 'Każde miasto.',
    lessons: 'Oszczędności przychodzą z zachowań, nie tylko z inwestycji.',
    verified: ['WORKING_GROUP', 'Grupa „Efektywność energetyczna”', '2022-12-01'],
  },
  {
    title: 'Dzienny dom pobytu dla osób z chorobą Alzheimera w Tarnowie',
    city: '1263011',
    area: 'HEALTH',
    tags: ['Alzheimer', 'opieka dzienna', 'seniorzy'],
    problem: 'Opiekunowie osób z demencją nie mogli pracować zawodowo.',
    goals: 'Opieka dzienna i wsparcie dla rodzin.',
    actions: 'Adaptacja lokalu, zespół terapeutów, grupy wsparcia dla opiekunów, transport.',
    results: '25 miejsc, lista oczekujących skrócona o połowę; 70% opiekunów wróciło do pracy.',
    cost: 1_800_000,
    funding: [
      ['program „Senior+”', 600_000],
      ['budżet miasta', 1_200_000],
    ],
    period: ['2018-10-01', null],
    innovation: 'Grupy wsparcia dla opiekunów jako część usługi.',
    transferability: 'Każde miasto; program „Senior+” finansuje część kosztów.',
    lessons: 'Transport jest warunkiem korzystania z usługi.',
    verified: ['CITY_RECOMMENDATION', 'Rekomendacja Miasta Nowy Sącz', '2020-05-05'],
  },
  {
    title: 'Festiwal kultury w dzielnicach Radomia',
    city: '1463011',
    area: 'CULTURE',
    tags: ['kultura', 'dzielnice', 'festiwal'],
    problem: 'Wydarzenia kulturalne odbywały się tylko w centrum.',
    goals: 'Kultura blisko domu w każdej dzielnicy.',
    actions:
      'Festiwal w 12 dzielnicach przygotowywany z radami osiedli i domami kultury, program wybierany w głosowaniu.',
    results: '48 wydarzeń, 31 000 uczestników, połowa po raz pierwszy na wydarzeniu miejskim.',
    cost: 700_000,
    funding: [
      ['budżet miasta', 550_000],
      ['sponsorzy', 150_000],
    ],
    period: ['2022-05-01', null],
    innovation: 'Program wybierają mieszkańcy dzielnicy.',
    transferability: 'Miasta z radami osiedli.',
    lessons: 'Rady osiedli potrzebują wsparcia w organizacji.',
    verified: ['OFFICE', 'Biuro Związku', '2023-09-18'],
  },
  {
    title: 'Wieloletnia prognoza finansowa z analizą ryzyka w Kielcach',
    city: '2661011',
    area: 'FINANCE',
    tags: ['WPF', 'budżet', 'zadłużenie', 'ryzyko'],
    problem: 'Prognoza finansowa nie pokazywała wpływu zmian podatkowych na zdolność kredytową.',
    goals: 'Scenariusze WPF i wczesne ostrzeganie przed przekroczeniem relacji z art. 243.',
    actions:
      'Model scenariuszowy dochodów z PIT i CIT, wskaźniki ostrzegawcze, kwartalny raport dla prezydenta i rady.',
    results: 'Zmiana planu inwestycji w porę; relacja z art. 243 zachowana mimo spadku dochodów.',
    cost: 60_000,
    funding: [['budżet miasta', 60_000]],
    period: ['2020-01-01', null],
    innovation: 'Scenariusze podatkowe w arkuszu dostępnym radnym.',
    transferability: 'Każda gmina.',
    lessons: 'Model musi być prosty, żeby go używano.',
    verified: ['WORKING_GROUP', 'Grupa „Finanse lokalne”', '2022-06-22'],
  },
  {
    title: 'Wspólna obsługa prawna małych gmin',
    city: 'small:0',
    area: 'INSTITUTIONAL_DEVELOPMENT',
    tags: ['obsługa prawna', 'współpraca', 'mała gmina'],
    problem:
      'Mała gmina nie mogła zatrudnić radcy prawnego na pełen etat, a potrzebowała stałej obsługi.',
    goals: 'Stała obsługa prawna przy niższych kosztach.',
    actions: 'Porozumienie z dwiema sąsiednimi gminami, wspólny radca i wspólne wzory dokumentów.',
    results: 'Koszt obsługi prawnej niższy o 40%, krótszy czas opiniowania umów.',
    cost: 90_000,
    funding: [['budżet gminy', 90_000]],
    period: ['2021-01-01', null],
    innovation: 'Wspólna baza opinii i wzorów dla trzech gmin.',
    transferability: 'Małe gminy.',
    lessons: 'Dyżury w każdej gminie w stałe dni porządkują pracę.',
    verified: ['OFFICE', 'Biuro Związku', '2022-07-07'],
  },
  {
    title: 'Szkoła otwarta po lekcjach w małym mieście',
    city: 'small:1',
    area: 'EDUCATION',
    tags: ['szkoła', 'zajęcia pozalekcyjne', 'dzieci'],
    problem: 'Po lekcjach dzieci nie miały gdzie spędzać czasu, a budynek szkoły stał pusty.',
    goals: 'Szkoła jako lokalne centrum zajęć dla dzieci i dorosłych.',
    actions:
      'Zajęcia sportowe, koła zainteresowań i kursy dla dorosłych w budynku szkoły do 20:00, współpraca z klubami i stowarzyszeniami.',
    results: '320 osób tygodniowo, w tym 90 dorosłych.',
    cost: 140_000,
    funding: [
      ['budżet gminy', 100_000],
      ['Fundusz Inicjatyw Obywatelskich', 40_000],
    ],
    period: ['2022-09-01', null],
    innovation: 'Stowarzyszenia prowadzą zajęcia w zamian za bezpłatne sale.',
    transferability: 'Wysoka, szczególnie w małych miastach.',
    lessons: 'Potrzebny jest gospodarz budynku po godzinach.',
    verified: ['CITY_RECOMMENDATION', 'Rekomendacja sąsiedniej gminy', '2023-10-10'],
  },
  {
    title: 'Gminny system selektywnej zbiórki bioodpadów',
    city: 'small:2',
    area: 'ENVIRONMENT',
    tags: ['odpady', 'bioodpady', 'kompostownik'],
    problem: 'Bioodpady stanowiły 35% odpadów zmieszanych i podnosiły koszty.',
    goals: 'Zmniejszyć masę odpadów zmieszanych i opłaty mieszkańców.',
    actions:
      'Brązowe pojemniki, kompostowniki przydomowe ze zniżką w opłacie, edukacja w szkołach.',
    results: 'Masa odpadów zmieszanych spadła o 22%; 40% domów kompostuje.',
    cost: 380_000,
    funding: [
      ['Wojewódzki Fundusz Ochrony Środowiska', 250_000],
      ['budżet gminy', 130_000],
    ],
    period: ['2020-04-01', '2021-12-31'],
    innovation: 'Zniżka w opłacie za kompostownik sprawdzana przez kontrole.',
    transferability: 'Gminy z zabudową jednorodzinną.',
    lessons: 'Kontrole kompostowników trzeba zapowiedzieć.',
    verified: ['WORKING_GROUP', 'Grupa „Usługi komunalne”', '2022-03-29'],
  },
  {
    title: 'Asystent rodziny w każdej szkole w Elblągu',
    city: '2861011',
    area: 'SOCIAL_SERVICES',
    tags: ['asystent rodziny', 'szkoły', 'pomoc społeczna'],
    problem: 'Problemy rodzin wychodziły na jaw dopiero przy interwencji sądu.',
    goals: 'Wcześniejsze wsparcie rodzin przez współpracę szkoły i ośrodka pomocy.',
    actions: 'Asystenci rodziny dyżurują w szkołach, wspólne zespoły z pedagogami.',
    results: 'Liczba wniosków o wgląd w sytuację rodziny spadła o 28%.',
    cost: 1_100_000,
    funding: [
      ['budżet miasta', 800_000],
      ['Fundusz Pracy', 300_000],
    ],
    period: ['2019-09-01', null],
    innovation: 'Dyżur asystenta w szkole zamiast wezwania do ośrodka.',
    transferability: 'Każde miasto.',
    lessons: 'Ważne jest porozumienie o wymianie informacji.',
    verified: ['OFFICE', 'Biuro Związku', '2021-02-15'],
  },
  {
    title: 'Panel obywatelski o klimacie w Koszalinie',
    city: '3261011',
    area: 'SOCIAL_DIALOGUE',
    tags: ['panel obywatelski', 'klimat', 'deliberacja'],
    problem: 'Konsultacje planu adaptacji do zmian klimatu przyciągnęły kilkanaście osób.',
    goals: 'Wiążące rekomendacje wypracowane przez reprezentatywną grupę mieszkańców.',
    actions:
      'Losowanie 60 panelistów, spotkania z ekspertami, głosowanie rekomendacji, zobowiązanie prezydenta do ich wdrożenia.',
    results: '21 rekomendacji, 17 wdrożonych w dwa lata.',
    cost: 250_000,
    funding: [
      ['budżet miasta', 150_000],
      ['Fundusze EOG', 100_000],
    ],
    period: ['2021-02-01', '2021-06-30'],
    innovation: 'Rekomendacje z poparciem 80% wiążą prezydenta.',
    transferability: 'Średnie i duże miasta.',
    lessons: 'Losowanie warstwowe daje wiarygodność.',
    verified: ['COMPETITION', 'Konkurs „Partycypacja w praktyce”', '2022-05-30'],
  },
  {
    title: 'Zintegrowany bilet kolejowo-autobusowy w aglomeracji Kalisko-Ostrowskiej',
    city: '3061011',
    partners: ['3062011'],
    area: 'TRANSPORT',
    tags: ['bilet', 'kolej', 'aglomeracja'],
    problem: 'Osobne bilety na kolej i autobusy zniechęcały do dojazdów transportem publicznym.',
    goals: 'Jeden bilet okresowy na kolej regionalną i komunikację miejską.',
    actions:
      'Umowa z przewoźnikiem kolejowym i województwem, wspólny bilet miesięczny, podział wpływów.',
    results: '4 200 biletów zintegrowanych miesięcznie po roku.',
    cost: 500_000,
    funding: [
      ['budżet miasta', 300_000],
      ['samorząd województwa', 200_000],
    ],
    period: ['2021-09-01', null],
    innovation: 'Podział wpływów na podstawie badań potoków.',
    transferability: 'Miasta na liniach kolei regionalnej.',
    lessons: 'Umowa z przewoźnikiem powinna obejmować rozkład.',
    verified: ['WORKING_GROUP', 'Grupa „Transport publiczny i drogi”', '2023-01-11'],
  },
  {
    title: 'Kontrola zarządcza oparta na ryzyku w Urzędzie Miasta Zielona Góra',
    city: '0862011',
    area: 'INSTITUTIONAL_DEVELOPMENT',
    tags: ['kontrola zarządcza', 'ryzyko', 'audyt'],
    problem: 'Kontrola zarządcza była formalnością; ryzyka nie wpływały na decyzje.',
    goals: 'Rejestr ryzyk używany przy planowaniu zadań.',
    actions:
      'Warsztaty z wydziałami, rejestr ryzyk w intranecie, przegląd kwartalny z sekretarzem miasta.',
    results: 'Liczba nieprawidłowości w kontrolach RIO spadła o połowę.',
    cost: 70_000,
    funding: [['budżet miasta', 70_000]],
    period: ['2019-01-01', null],
    innovation: 'Rejestr ryzyk połączony z planem zadań wydziałów.',
    transferability: 'Każdy urząd.',
    lessons: 'Bez kierownictwa przeglądy szybko zanikają.',
    verified: ['OFFICE', 'Biuro Związku', '2020-10-10'],
  },
  // In the review workflow: something for the office's queue and the author's drafts.
  {
    title: 'Program bonów opiekuńczych dla seniorów w Poznaniu',
    city: POZNAN,
    area: 'SOCIAL_SERVICES',
    tags: ['seniorzy', 'bon opiekuńczy', 'usługi opiekuńcze'],
    problem: 'Rodziny czekały miesiącami na usługi opiekuńcze z ośrodka pomocy społecznej.',
    goals: 'Dać rodzinom wybór opiekuna i skrócić oczekiwanie.',
    actions:
      'Bon na 40 godzin opieki miesięcznie do wykorzystania u wybranego usługodawcy z listy miasta.',
    results: 'Czas oczekiwania skrócił się do 10 dni; 600 seniorów z bonem.',
    cost: 5_000_000,
    funding: [['budżet miasta', 5_000_000]],
    period: ['2023-01-01', null],
    innovation: 'Wybór usługodawcy przez rodzinę.',
    transferability: 'Duże miasta z rynkiem usług opiekuńczych.',
    lessons: 'Lista usługodawców wymaga stałej kontroli jakości.',
    verified: ['OFFICE', '', '2024-01-01'],
    contact: 'Maria Wiśniewska',
    status: 'SUBMITTED',
  },
  {
    title: 'Bezpłatna komunikacja miejska dla uczniów w Łodzi',
    city: LODZ,
    area: 'TRANSPORT',
    tags: ['uczniowie', 'bilety', 'komunikacja miejska'],
    problem: 'Rodzice dowozili dzieci do szkół samochodami, co korkowało okolice szkół.',
    goals: 'Przyzwyczaić młodych do komunikacji miejskiej.',
    actions: 'Bezpłatne przejazdy dla uczniów łódzkich szkół na podstawie legitymacji.',
    results: 'Liczba przejazdów uczniów wzrosła o 45%.',
    cost: 22_000_000,
    funding: [['budżet miasta', 22_000_000]],
    period: ['2019-09-01', null],
    innovation: 'Brak biletu — wystarczy legitymacja szkolna.',
    transferability: 'Miasta z własnym organizatorem transportu.',
    lessons: 'Trzeba przewidzieć koszt utraconych wpływów.',
    verified: ['OFFICE', '', '2024-01-01'],
    contact: 'Tomasz Zieliński',
    status: 'IN_REVIEW',
  },
  {
    title: 'Ogrody społeczne na osiedlach w Poznaniu',
    city: POZNAN,
    area: 'NGO_COOPERATION',
    tags: ['ogrody', 'sąsiedztwo', 'zieleń'],
    problem: 'Nieużywane skwery między blokami.',
    goals: 'Ogrody prowadzone przez mieszkańców.',
    actions: 'Umowy użyczenia terenu z radami osiedli i stowarzyszeniami.',
    results: 'Na razie 4 ogrody.',
    cost: 60_000,
    funding: [['budżet miasta', 60_000]],
    period: ['2024-04-01', null],
    innovation: '',
    transferability: '',
    lessons: '',
    verified: ['OFFICE', '', '2024-01-01'],
    contact: 'Maria Wiśniewska',
    status: 'DRAFT',
    reviewComment:
      'Prosimy o mierzalne rezultaty (liczba uczestników, koszty utrzymania) i opis, co w praktyce jest nowatorskie.',
  },
  {
    title: 'Karta Mieszkańca w Poznaniu',
    city: POZNAN,
    area: 'DIGITAL',
    tags: ['karta mieszkańca', 'ulgi'],
    problem: 'Ulgi miejskie wymagały różnych dokumentów.',
    goals: 'Jedna karta do wszystkich ulg.',
    actions: 'Szkic — do uzupełnienia.',
    results: '',
    cost: 0,
    funding: [],
    period: ['2024-01-01', null],
    innovation: '',
    transferability: '',
    lessons: '',
    verified: ['OFFICE', '', '2024-01-01'],
    contact: 'Maria Wiśniewska',
    status: 'DRAFT',
  },
  {
    title: 'Punkt informacji o funduszach unijnych 2014–2020 w Słupsku',
    city: '2263011',
    area: 'FINANCE',
    tags: ['fundusze UE', 'informacja'],
    problem: 'Przedsiębiorcy i organizacje nie wiedzieli, z jakich programów mogą korzystać.',
    goals: 'Jedno miejsce informacji o funduszach.',
    actions: 'Punkt w urzędzie, dyżury ekspertów, newsletter.',
    results: '2 100 konsultacji, 140 złożonych wniosków.',
    cost: 300_000,
    funding: [['Pomoc Techniczna RPO', 300_000]],
    period: ['2016-01-01', '2020-12-31'],
    innovation: 'Dyżury ekspertów instytucji zarządzających w urzędzie miasta.',
    transferability: 'Zakończona perspektywa finansowa; zasady nadal przydatne.',
    lessons: 'Newsletter był skuteczniejszy niż ulotki.',
    verified: ['OFFICE', 'Biuro Związku', '2018-04-12'],
    status: 'ARCHIVED',
  },
];

/**
 * The demo good practices, with their review history; the "did you mean" vocabulary is built
 * from the published ones. Called from the demo seed's transaction.
 */
export async function seedDemoPractices(
  tx: EntityManager,
  idOf: (name: string) => string,
): Promise<void> {
  const office: { id: string }[] = await tx.query(
    `SELECT u.id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
     WHERE o.kind = 'ASSOCIATION_OFFICE' AND u.role = 'OFFICE_ADMIN' ORDER BY u.created_at LIMIT 1`,
  );
  const small: { teryt_code: string }[] = await tx.query(
    `SELECT teryt_code FROM organisation WHERE kind = 'URBAN_GMINA' AND membership_status = 'MEMBER'
     ORDER BY teryt_code LIMIT 3`,
  );
  const reviewer = office[0]?.id ?? null;
  let n = 0;
  for (const p of DEMO_PRACTICES) {
    n++;
    const teryt = p.city.startsWith('small:') ? small[Number(p.city.slice(6))]?.teryt_code : p.city;
    if (!teryt) continue;
    const contact = p.contact ? idOf(p.contact) : null;
    const status = p.status ?? 'PUBLISHED';
    const published = status === 'PUBLISHED' || status === 'ARCHIVED';
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO good_practice (status, organisation_id, author_id, contact_person_id, title,
         area_code, tags, problem, goals, actions, results, innovation, transferability,
         lessons_learned, cost_grosze, funding, period_start, period_end, links,
         verification_source, verification_note, verified_on, review_comment,
         created_at, submitted_at, published_at)
       SELECT $1, o.id, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
         $17, $18, $19, $20, $21,
         now() - make_interval(days => $22 + 30), now() - make_interval(days => $22 + 10),
         CASE WHEN $23 THEN now() - make_interval(days => $22) END
       FROM organisation o WHERE o.teryt_code = $24 RETURNING id`,
      [
        status,
        contact,
        p.title,
        p.area,
        p.tags,
        p.problem,
        p.goals,
        p.actions,
        p.results,
        p.innovation,
        p.transferability,
        p.lessons,
        p.cost * 100,
        JSON.stringify(p.funding.map(([source, pln]) => ({ source, amountGrosze: pln * 100 }))),
        p.period[0],
        p.period[1],
        JSON.stringify((p.links ?? []).map(([label, url]) => ({ label, url }))),
        published ? p.verified[0] : null,
        published ? p.verified[1] : null,
        published ? p.verified[2] : null,
        p.reviewComment ?? null,
        (DEMO_PRACTICES.length - n) * 9,
        published,
        teryt,
      ],
    );
    if (p.partners?.length) {
      await tx.query(
        `INSERT INTO good_practice_partner (practice_id, organisation_id)
         SELECT $1, id FROM organisation WHERE teryt_code = ANY($2::text[])`,
        [id, p.partners],
      );
      await tx.query(`UPDATE good_practice SET updated_at = updated_at WHERE id = $1`, [id]);
    }
    const path: [string | null, string, string | null][] = [[null, 'DRAFT', contact]];
    if (status !== 'DRAFT' || p.reviewComment) path.push(['DRAFT', 'SUBMITTED', contact]);
    if (p.reviewComment) path.push(['SUBMITTED', 'DRAFT', reviewer]);
    if (status === 'IN_REVIEW' || published) path.push(['SUBMITTED', 'IN_REVIEW', reviewer]);
    if (published) path.push(['IN_REVIEW', 'PUBLISHED', reviewer]);
    if (status === 'ARCHIVED') path.push(['PUBLISHED', 'ARCHIVED', reviewer]);
    for (const [i, [from, to, actor]] of path.entries()) {
      await tx.query(
        `INSERT INTO good_practice_event (practice_id, from_status, to_status, actor_id, comment, created_at)
         VALUES ($1, $2, $3, $4, $5, now() - make_interval(days => $6))`,
        [
          id,
          from,
          to,
          actor,
          to === 'DRAFT' && from ? (p.reviewComment ?? null) : null,
          (DEMO_PRACTICES.length - n) * 9 + 30 - i * 5,
        ],
      );
    }
  }
  await tx.query(
    `INSERT INTO practice_word (word)
     SELECT DISTINCT w FROM good_practice, unnest(tsvector_to_array(search)) w
     WHERE status = 'PUBLISHED' AND w ~ '^[[:alpha:]]{3,30}$'
     ON CONFLICT DO NOTHING`,
  );
}
