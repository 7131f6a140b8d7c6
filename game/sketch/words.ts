import { ErrorCode, fail, ok, type Result } from '../errors';
import { matchKey } from './text';
import type { Tier } from './types';

/**
 * Sketch's words: the default English list in three tiers of difficulty, written for Parlor,
 * and the checks every custom list goes through (the host's pasted text in the lobby, and
 * the settings schema on the server).
 */

/** Most words a custom list may hold. */
export const MAX_CUSTOM_WORDS = 1000;
/** Longest word or phrase, in characters. */
export const MAX_WORD_LENGTH = 30;
/** Fewest words a custom list needs when it is the only source of words. */
export const MIN_CUSTOM_ONLY_WORDS = 10;

const list = (text: string): readonly string[] => Object.freeze(text.split(',').map((w) => w.trim()).filter((w) => w !== ''));

/**
 * Easy: one thing a child can draw in a few lines, known to everyone.
 * Lower case; letters, spaces, hyphens and apostrophes; family-friendly; drawable.
 */
export const EASY_WORDS: readonly string[] = list(`
  ant, bat, bear, bee, bird, butterfly, camel, cat, chicken, cow, crab, deer, dog, dolphin,
  duck, elephant, fish, fox, frog, giraffe, goat, hippo, horse, kangaroo, koala, ladybug,
  lion, lizard, monkey, mouse, octopus, owl, panda, penguin, pig, rabbit, shark, sheep, snail,
  snake, spider, tiger, turtle, whale, worm, zebra,
  apple, banana, bread, burger, cake, candy, carrot, cheese, cherry, cookie, corn, cupcake,
  donut, egg, grapes, hot dog, ice cream, lemon, lollipop, milk, orange, pancake, pea, pear,
  pie, pizza, popcorn, potato, sandwich, strawberry, tomato, watermelon,
  bath, bed, bell, book, bottle, bowl, box, broom, brush, bucket, candle, chair, clock, comb,
  cup, door, fork, glasses, house, key, ladder, lamp, mirror, pillow, plate, pot, sofa, spoon,
  table, teapot, television, toothbrush, towel, window,
  belt, boot, button, cap, coat, crown, dress, glove, hat, jacket, mitten, necklace, ring,
  scarf, shirt, shoe, sock, sweater, tie, t-shirt,
  beach, cactus, cloud, feather, fire, flower, grass, hill, island, lake, leaf, moon, mountain,
  mushroom, rain, rainbow, river, rock, shell, snow, star, sun, tree, wave,
  airplane, bicycle, boat, bus, car, rocket, scooter, ship, tractor, train, truck, wheel,
  arrow, bag, ball, balloon, basket, bone, camera, circle, coin, computer, crayon, doll, drum,
  envelope, flag, ghost, gift, guitar, heart, kite, pencil, phone, piano, robot, scissors,
  smile, snowman, square, teddy bear, triangle, trumpet, umbrella,
  arm, beard, ear, eye, finger, foot, hair, hand, knee, leg, lips, mouth, mustache, nose,
  thumb, tooth,
  baby, barn, bridge, castle, clown, farm, fence, garden, king, park, princess, queen, road,
  school, tent, zoo,
  bow, bubble, cage, chain, dice, dinosaur, fan, gate, hammer, jar, lock, magnet, medal, nail,
  needle, net, paper, pen, rope, ruler, saw, shovel, slide, stamp, swing, tape, ticket,
  trophy, vase, wall, watch, whistle
`);

/** Medium: a particular thing, place or person; a few details make it. */
export const MEDIUM_WORDS: readonly string[] = list(`
  alligator, beaver, caterpillar, cheetah, crocodile, dragonfly, eagle, flamingo, goldfish,
  gorilla, hamster, hedgehog, jellyfish, llama, lobster, moose, ostrich, otter, parrot,
  peacock, pelican, polar bear, raccoon, rhino, scorpion, seahorse, seal, skunk, sloth, squid,
  squirrel, starfish, swan, toucan, unicorn, walrus, wolf, woodpecker,
  avocado, birthday cake, broccoli, burrito, cereal, chocolate, coconut, croissant, cucumber,
  french fries, garlic, honey, kiwi, mango, muffin, noodles, onion, peach, peanut, pepper,
  pineapple, popsicle, pretzel, pumpkin, salad, sausage, sushi, taco, toast, waffle,
  airport, bakery, cave, circus, desert, factory, fountain, harbor, hospital, igloo, jungle,
  library, lighthouse, museum, palace, playground, pyramid, stadium, supermarket,
  swimming pool, treehouse, tunnel, volcano, waterfall, windmill,
  anchor, backpack, bandage, barrel, battery, bench, binoculars, calculator, calendar, chess,
  compass, doorbell, fire hydrant, fishing rod, flashlight, globe, hairbrush, harp,
  headphones, hourglass, keyboard, lantern, lawn mower, light bulb, mailbox, microphone,
  microscope, padlock, paintbrush, parachute, plug, puzzle, radio, rake, remote control,
  saxophone, screwdriver, skateboard, sled, sleeping bag, spider web, stapler, suitcase,
  sunglasses, telescope, thermometer, toaster, traffic light, trampoline, treasure chest,
  violin, wallet, wheelbarrow, wrench, zipper, x-ray, yo-yo, tic-tac-toe,
  ambulance, bulldozer, canoe, fire truck, helicopter, kayak, motorcycle, police car,
  sailboat, spaceship, submarine, unicycle, wagon,
  alien, astronaut, chef, cowboy, detective, doctor, dragon, fairy, farmer, firefighter,
  giant, knight, magician, mermaid, ninja, nurse, pilot, pirate, scarecrow, superhero, wizard,
  acorn, beehive, bird nest, campfire, comet, ferris wheel, fireworks, footprint, palm tree,
  picnic, pine cone, planet, roller coaster, rose, sandcastle, seesaw, snowball, snowflake,
  sunflower, tornado, tulip,
  ankle, elbow, eyebrow, muscle, shoulder, tongue,
  baseball, basketball, bowling, golf, hockey, karate, skiing, soccer, surfing, tennis,
  volleyball
`);

/** Hard: scenes, actions and ideas, or things with a tricky shape. */
export const HARD_WORDS: readonly string[] = list(`
  accordion, acrobat, anteater, applause, aquarium, armadillo, artichoke, avalanche, bagpipes,
  balance, ballerina, beekeeper, birthday party, black hole, blindfold, blizzard,
  bubble bath, candy cane, cauliflower, chameleon, chandelier, chipmunk, cocoon,
  constellation, conveyor belt, corn on the cob, cotton candy, crossword, cuckoo clock,
  daydream, drawbridge, dumpling, earthquake, eclipse, echo, elevator, escalator, fairy tale,
  family tree, fingerprint, forget-me-not, fortune cookie, fossil, geyser, gingerbread man,
  glacier, gold medal, gramophone, gravity, greenhouse, hammock, harmonica, haunted house,
  hermit crab, hibernation, hiccup, hide and seek, high five, hopscotch, hot air balloon,
  ice skating, iguana, invisible, jack-in-the-box, jack-o'-lantern, jet lag, juggler,
  kaleidoscope, lifeguard, lighthouse keeper, lullaby, lumberjack, magnifying glass,
  marathon, marshmallow, meerkat, melting, merry-go-round, meteor shower, metronome, mime,
  music box, narwhal, nightmare, northern lights, oasis, observatory, orchard, origami,
  periscope, photographer, piggy bank, pillow fight, platypus, pogo stick, pomegranate,
  porcupine, praying mantis, pufferfish, puppeteer, quicksand, reflection, referee,
  rock climbing, sandstorm, satellite dish, scuba diver, sculptor, sewing machine, shadow,
  skydiving, skyscraper, sleepwalking, sneeze, snorkel, snow globe, snowball fight,
  solar panel, solar system, spaghetti, spinning top, spotlight, stethoscope, stingray,
  stopwatch, sunburn, sundial, sunrise, sunset, tadpole, teamwork, thunderstorm, tightrope,
  time machine, totem pole, traffic jam, trapdoor, treadmill, treasure hunt, tug of war,
  typewriter, vending machine, ventriloquist, walkie-talkie, washing machine, weathervane,
  whisper, wind chime, wind turbine, windsurfing, wink, xylophone, yawn
`);

/** The default list by tier. */
export const DEFAULT_TIERS: Readonly<Record<Tier, readonly string[]>> = Object.freeze({
  easy: EASY_WORDS,
  medium: MEDIUM_WORDS,
  hard: HARD_WORDS,
});

/** Every default word, easy first. */
export const DEFAULT_WORDS: readonly string[] = Object.freeze([...EASY_WORDS, ...MEDIUM_WORDS, ...HARD_WORDS]);

// Letters (any script, with combining marks), digits, spaces, hyphens and apostrophes.
const WORD = /^[\p{L}\p{M}\p{N} '-]+$/u;

/** Tidies one entry: NFC, typographic apostrophes and dashes made plain, spaces collapsed, trimmed. Case is kept. */
export function normalizeWord(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010\u2011\u2013]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

// Long junk is cut in messages so an error never echoes a whole paste back.
function quote(word: string): string {
  const chars = [...word];
  return chars.length > 30 ? `"${chars.slice(0, 30).join('')}…"` : `"${word}"`;
}

/**
 * Checks and tidies a list of entries (already split): drops empty entries and duplicates
 * (the same word in another case, with or without accents or spaces is a duplicate; the
 * first spelling is kept). Refuses with `SETTINGS_INVALID` and a message naming the
 * problem: an invalid word, or more than {@link MAX_CUSTOM_WORDS} words.
 */
export function normalizeWordList(entries: readonly string[]): Result<string[]> {
  const keys = new Set<string>();
  const words: string[] = [];
  for (const entry of entries) {
    const word = normalizeWord(entry);
    if (word === '') continue;
    const key = matchKey(word);
    if ([...word].length > MAX_WORD_LENGTH || !WORD.test(word) || key.length < 2) {
      return fail(
        ErrorCode.SETTINGS_INVALID,
        `${quote(word)} is not a valid word: use 2-${MAX_WORD_LENGTH} letters, digits, spaces, hyphens or apostrophes`,
      );
    }
    if (keys.has(key)) continue;
    keys.add(key);
    words.push(word);
    if (words.length > MAX_CUSTOM_WORDS) {
      return fail(ErrorCode.SETTINGS_INVALID, `A word list may hold at most ${MAX_CUSTOM_WORDS} words`);
    }
  }
  return ok(words);
}

/** Splits pasted text into raw entries (lines, commas, semicolons), before any check. */
export function splitWordList(text: string): string[] {
  // A BOM from a pasted file would otherwise stick to the first word.
  return text.replace(/^\ufeff/, '').split(/[\r\n,;]+/);
}

/** Parses a pasted custom list: one word or phrase per line, or separated by commas. See {@link normalizeWordList}. */
export function parseWordList(text: string): Result<string[]> {
  return normalizeWordList(splitWordList(text));
}

/** How many distinct words a pasted text holds, valid or not: for a live counter while typing. */
export function countWords(text: string): number {
  return new Set(splitWordList(text).map(normalizeWord).filter((w) => w !== '').map(matchKey)).size;
}
