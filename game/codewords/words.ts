import { ErrorCode, fail, ok, type Result } from '../errors';

/**
 * Word lists for Codewords: the default English list and the checks every custom list
 * goes through (the host's pasted text in the lobby, and the settings schema on the server).
 */

/** Cards on a board; a list needs at least this many distinct words. */
export const BOARD_SIZE = 25;
/** Most words a custom list may hold (keeps settings small on the wire and in stores). */
export const MAX_CUSTOM_WORDS = 1000;
/** Longest word of a list, in characters. */
export const MAX_WORD_LENGTH = 20;

/**
 * The default list: common, family-friendly English nouns, written for Parlor.
 * Upper case, unique, letters only. Words with two meanings (BAT, PITCH, SPRING, TRUNK)
 * are welcome: they make the best clues.
 */
export const DEFAULT_WORDS: readonly string[] = Object.freeze([
  // Animals
  'ANT', 'BADGER', 'BAT', 'BEAR', 'BEAVER', 'BEE', 'BISON', 'CAMEL', 'CAT', 'CHEETAH',
  'CHICKEN', 'CRAB', 'CROW', 'DEER', 'DOG', 'DOLPHIN', 'DONKEY', 'DOVE', 'DRAGONFLY', 'DUCK',
  'EAGLE', 'EEL', 'ELEPHANT', 'FALCON', 'FERRET', 'FLAMINGO', 'FOX', 'FROG', 'GIRAFFE', 'GOAT',
  'GOOSE', 'GORILLA', 'HAMSTER', 'HARE', 'HAWK', 'HEDGEHOG', 'HERON', 'HIPPO', 'HORSE',
  'JELLYFISH', 'KANGAROO', 'KOALA', 'LAMB', 'LEOPARD', 'LION', 'LIZARD', 'LLAMA', 'LOBSTER',
  'MOLE', 'MONKEY', 'MOOSE', 'MOTH', 'MOUSE', 'OCTOPUS', 'OSTRICH', 'OTTER', 'OWL', 'PANDA',
  'PARROT', 'PEACOCK', 'PELICAN', 'PENGUIN', 'PIG', 'PIGEON', 'PONY', 'PUFFIN', 'RABBIT',
  'RACCOON', 'RAVEN', 'SALMON', 'SEAL', 'SHARK', 'SHEEP', 'SNAIL', 'SNAKE', 'SPIDER', 'SQUID',
  'SQUIRREL', 'STORK', 'SWAN', 'TIGER', 'TORTOISE', 'TURKEY', 'TURTLE', 'WALRUS', 'WHALE',
  'WOLF', 'WORM', 'ZEBRA',
  // Food
  'APPLE', 'BANANA', 'BISCUIT', 'BREAD', 'BUTTER', 'CAKE', 'CANDY', 'CARROT', 'CHEESE',
  'CHERRY', 'COCONUT', 'COOKIE', 'CORN', 'CUCUMBER', 'EGG', 'GARLIC', 'GRAPE', 'HONEY', 'JAM',
  'LEMON', 'LETTUCE', 'MANGO', 'MELON', 'MUSHROOM', 'NOODLE', 'OLIVE', 'ONION', 'ORANGE',
  'PANCAKE', 'PASTA', 'PEACH', 'PEANUT', 'PEAR', 'PEPPER', 'PICKLE', 'PIE', 'PIZZA', 'PLUM',
  'POPCORN', 'POTATO', 'PRETZEL', 'PUMPKIN', 'RICE', 'SALAD', 'SANDWICH', 'SAUSAGE', 'SOUP',
  'STRAWBERRY', 'SUGAR', 'TOAST', 'TOMATO', 'WAFFLE', 'WALNUT', 'YOGURT',
  // Around the house
  'BASKET', 'BATH', 'BATTERY', 'BED', 'BELL', 'BLANKET', 'BOOK', 'BOTTLE', 'BOWL', 'BOX',
  'BRICK', 'BROOM', 'BRUSH', 'BUCKET', 'BUTTON', 'CABLE', 'CANDLE', 'CARPET', 'CHAIR', 'CLOCK',
  'COMB', 'CRAYON', 'CUP', 'CURTAIN', 'CUSHION', 'DESK', 'DOOR', 'DRAWER', 'ENVELOPE',
  'ERASER', 'FORK', 'FRIDGE', 'GLASS', 'GLUE', 'HAMMER', 'HANGER', 'HOSE', 'KETTLE', 'KEY',
  'KNIFE', 'LADDER', 'LAMP', 'LOCK', 'MAGNET', 'MATCH', 'MIRROR', 'MUG', 'NAIL', 'NEEDLE',
  'OVEN', 'PAN', 'PAPER', 'PENCIL', 'PILLOW', 'PLATE', 'POT', 'RADIO', 'RAKE', 'ROPE', 'RUG',
  'RULER', 'SCISSORS', 'SCREW', 'SHELF', 'SHOVEL', 'SOAP', 'SOFA', 'SPONGE', 'SPOON', 'STAMP',
  'STOOL', 'TABLE', 'TAP', 'TELEPHONE', 'TOASTER', 'TOWEL', 'TRAY', 'UMBRELLA', 'VASE',
  'WHISTLE', 'WINDOW', 'WRENCH', 'ZIPPER',
  // Clothes and accessories
  'APRON', 'BELT', 'BOOT', 'BRACELET', 'CAP', 'COAT', 'CROWN', 'GLOVE', 'HAT', 'HELMET',
  'JACKET', 'MASK', 'MITTEN', 'NECKLACE', 'PAJAMAS', 'POCKET', 'RING', 'SANDAL', 'SCARF',
  'SHIRT', 'SHOE', 'SKIRT', 'SOCK', 'SWEATER', 'TIE', 'UNIFORM', 'VEST',
  // Nature and sky
  'ACORN', 'BEACH', 'BRANCH', 'CACTUS', 'CANYON', 'CAVE', 'CLOUD', 'COMET', 'CORAL', 'CRATER',
  'DAISY', 'DESERT', 'FEATHER', 'FERN', 'FIELD', 'FLOWER', 'FOG', 'FOREST', 'GLACIER', 'HILL',
  'ICE', 'ISLAND', 'JUNGLE', 'LAKE', 'LEAF', 'LIGHTNING', 'MEADOW', 'MOON', 'MOSS', 'MOUNTAIN',
  'OCEAN', 'PEBBLE', 'PINE', 'PLANET', 'POND', 'RAINBOW', 'RIVER', 'ROCK', 'ROOT', 'ROSE',
  'SAND', 'SEED', 'SHELL', 'SNOW', 'STAR', 'STONE', 'STORM', 'SUN', 'THUNDER', 'TIDE', 'TREE',
  'TULIP', 'VALLEY', 'VOLCANO', 'WATERFALL', 'WAVE', 'WIND',
  // Places and buildings
  'AIRPORT', 'ATTIC', 'BAKERY', 'BANK', 'BARN', 'BRIDGE', 'CABIN', 'CASTLE', 'CELLAR',
  'CHIMNEY', 'CHURCH', 'CINEMA', 'CIRCUS', 'FACTORY', 'FARM', 'FOUNTAIN', 'GARAGE', 'GARDEN',
  'HARBOR', 'HOSPITAL', 'HOTEL', 'IGLOO', 'KITCHEN', 'LIBRARY', 'LIGHTHOUSE', 'MARKET', 'MILL',
  'MUSEUM', 'OFFICE', 'PALACE', 'PARK', 'PYRAMID', 'SCHOOL', 'STADIUM', 'STAGE', 'STATION',
  'TEMPLE', 'TENT', 'THEATER', 'TOWER', 'TUNNEL', 'ZOO',
  // Getting around
  'AIRPLANE', 'ANCHOR', 'BALLOON', 'BICYCLE', 'BOAT', 'BUS', 'CANOE', 'CAR', 'CART', 'ENGINE',
  'FERRY', 'HELICOPTER', 'JET', 'KAYAK', 'PARACHUTE', 'ROCKET', 'SAIL', 'SCOOTER', 'SHIP',
  'SKATEBOARD', 'SLED', 'SUBMARINE', 'TAXI', 'TRACTOR', 'TRAILER', 'TRAIN', 'TRUCK', 'WAGON',
  'WHEEL',
  // People and characters
  'ACTOR', 'ARTIST', 'ASTRONAUT', 'BAKER', 'CAPTAIN', 'CHEF', 'CLOWN', 'COWBOY', 'DENTIST',
  'DETECTIVE', 'DOCTOR', 'DRAGON', 'FARMER', 'FIREFIGHTER', 'GHOST', 'GIANT', 'GOBLIN',
  'GUARD', 'JUDGE', 'KING', 'KNIGHT', 'MAGICIAN', 'MERMAID', 'MINER', 'NURSE', 'PILOT',
  'PIRATE', 'POET', 'PRINCE', 'PRINCESS', 'QUEEN', 'ROBOT', 'SAILOR', 'SCIENTIST', 'TEACHER',
  'UNICORN', 'WIZARD',
  // Things
  'ANVIL', 'ARROW', 'BADGE', 'BALL', 'BANNER', 'BARREL', 'BEACON', 'BONE', 'BOW', 'BUBBLE',
  'CAMERA', 'CARD', 'CHAIN', 'CHALK', 'CHEST', 'CLAW', 'COIN', 'COMPASS', 'CUBE', 'DIAMOND',
  'DICE', 'DOMINO', 'DRUM', 'FAN', 'FLAG', 'FLUTE', 'FOSSIL', 'GEM', 'GIFT', 'GLOBE', 'GUITAR',
  'HARP', 'HOOK', 'HORN', 'HOURGLASS', 'JEWEL', 'KITE', 'KNOT', 'LABEL', 'LANTERN', 'LENS',
  'LEVER', 'MAP', 'MARBLE', 'MEDAL', 'MICROSCOPE', 'MOTOR', 'NET', 'NOTE', 'ORGAN', 'PADDLE',
  'PAINT', 'PEARL', 'PENDULUM', 'PIANO', 'PIPE', 'POSTER', 'PRISM', 'PUZZLE', 'RIBBON',
  'SATELLITE', 'SAW', 'SCALE', 'SCROLL', 'SEESAW', 'SHIELD', 'SIGN', 'SLIDE', 'SOCKET',
  'SPARK', 'SPRING', 'STATUE', 'STRING', 'SWING', 'TABLET', 'TARGET', 'TELESCOPE', 'THREAD',
  'TICKET', 'TOKEN', 'TOOTHBRUSH', 'TORCH', 'TRAMPOLINE', 'TROPHY', 'TRUMPET', 'TRUNK',
  'VIOLIN', 'WAND', 'WATCH', 'WEB',
  // Times and events
  'AUTUMN', 'BIRTHDAY', 'CHORUS', 'DANCE', 'DREAM', 'ECHO', 'EVENING', 'FAIRY', 'FESTIVAL',
  'GAME', 'HOBBY', 'HOLIDAY', 'JOKE', 'LEGEND', 'LESSON', 'MAGIC', 'MORNING', 'MUSIC',
  'MYSTERY', 'NIGHT', 'PARADE', 'PARTY', 'PICNIC', 'PLAN', 'RACE', 'RIDDLE', 'SECRET',
  'SHADOW', 'SONG', 'STORY', 'SUMMER', 'TIME', 'VOICE', 'WEEKEND', 'WINTER',
  // The body
  'ANKLE', 'ARM', 'BRAIN', 'EAR', 'ELBOW', 'EYE', 'FINGER', 'FOOT', 'HAND', 'HEART', 'KNEE',
  'NOSE', 'SHOULDER', 'SMILE', 'THUMB', 'TOOTH',
  // Sports and games
  'CHESS', 'GOAL', 'GOLF', 'HOCKEY', 'PUCK', 'RACKET', 'SKATE', 'SKI', 'TENNIS',
  // Shapes, structures and double meanings
  'ALARM', 'ALIEN', 'ATLAS', 'BAND', 'CHAMPION', 'CIRCLE', 'CODE', 'COLUMN', 'CORNER', 'COURT',
  'DIAL', 'DRILL', 'EDGE', 'FENCE', 'FLOOR', 'FRAME', 'GATE', 'GRID', 'HALL', 'HEDGE', 'LINE',
  'LOOP', 'MAZE', 'MODEL', 'PATCH', 'PATH', 'PIN', 'PITCH', 'PLOT', 'POLE', 'PORT', 'POST',
  'ROUND', 'SCREEN', 'SLOT', 'SPACE', 'SQUARE', 'STEP', 'TRACK', 'TRAP', 'WALL', 'WELL',
  'YARD',
]);

// Letters (any script, with combining marks), spaces, hyphens and apostrophes.
const LIST_WORD = /^[\p{L}\p{M} '-]+$/u;
const HAS_LETTER = /\p{L}/u;

/** Upper-cases and tidies one entry: NFC, typographic apostrophes made plain, spaces collapsed. */
export function normalizeWord(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

// Long junk is cut in messages so an error never echoes a whole paste back.
function quote(word: string): string {
  const chars = [...word];
  return chars.length > 30 ? `"${chars.slice(0, 30).join('')}…"` : `"${word}"`;
}

/**
 * Checks and normalizes a list of entries (already split): upper-cases, collapses spaces,
 * drops empty entries and duplicates. Refuses with `SETTINGS_INVALID` and a message naming
 * the problem: an invalid word, more than {@link MAX_CUSTOM_WORDS} words, or fewer than
 * {@link BOARD_SIZE} distinct words.
 */
export function normalizeWordList(entries: readonly string[]): Result<string[]> {
  const seen = new Set<string>();
  for (const entry of entries) {
    const word = normalizeWord(entry);
    if (word === '') continue;
    const length = [...word].length;
    if (length > MAX_WORD_LENGTH || !LIST_WORD.test(word) || !HAS_LETTER.test(word)) {
      return fail(
        ErrorCode.SETTINGS_INVALID,
        `${quote(word)} is not a valid word: use 1-${MAX_WORD_LENGTH} letters, spaces, hyphens or apostrophes`,
      );
    }
    seen.add(word);
    if (seen.size > MAX_CUSTOM_WORDS) {
      return fail(ErrorCode.SETTINGS_INVALID, `A word list may hold at most ${MAX_CUSTOM_WORDS} words`);
    }
  }
  if (seen.size < BOARD_SIZE) {
    return fail(
      ErrorCode.SETTINGS_INVALID,
      `A word list needs at least ${BOARD_SIZE} different words; found ${seen.size}`,
    );
  }
  return ok([...seen]);
}

/**
 * Parses a pasted custom word list: one word per line or separated by commas (or
 * semicolons). See {@link normalizeWordList} for the rules and error messages.
 */
export function parseWordList(text: string): Result<string[]> {
  return normalizeWordList(splitWordList(text));
}

/** Splits pasted text into raw entries (lines, commas, semicolons), before any check. */
export function splitWordList(text: string): string[] {
  // A BOM from a pasted file would otherwise make the first word invalid.
  return text.replace(/^\ufeff/, '').split(/[\r\n,;]+/);
}

/** How many distinct words a pasted text holds, valid or not: for a live counter while typing. */
export function countWords(text: string): number {
  return new Set(splitWordList(text).map(normalizeWord).filter((w) => w !== '')).size;
}
