// Houston-style release names: lowercase `adjective-noun-1234`, unique on the
// platform, made once and never changed.
import type { Prng } from './random'

const ADJECTIVES = [
  'ancient', 'astral', 'binary', 'boreal', 'bright', 'celestial', 'cosmic', 'crystal', 'dark', 'distant',
  'eclipsed', 'electric', 'elliptical', 'empirical', 'equatorial', 'galactic', 'geodetic', 'giant', 'glowing', 'gravitational',
  'infrared', 'interstellar', 'ionized', 'lunar', 'luminous', 'magnetic', 'meteoric', 'nebular', 'nuclear', 'orbital',
  'parabolic', 'polar', 'primal', 'quantum', 'quasarian', 'radiant', 'rocky', 'sidereal', 'solar', 'spectral',
  'spiral', 'stellar', 'supersonic', 'terrestrial', 'tidal', 'uncanny', 'velvet', 'vertical', 'whirling', 'zenithal',
] as const

const NOUNS = [
  'aurora', 'asteroid', 'axis', 'comet', 'constellation', 'corona', 'cosmos', 'crater', 'density', 'eclipse',
  'equinox', 'event', 'flare', 'galaxy', 'gravity', 'horizon', 'inclination', 'ion', 'meteor', 'meteorite',
  'moon', 'nebula', 'neutron', 'nova', 'orbit', 'parallax', 'perihelion', 'photon', 'planet', 'planetarium',
  'pulsar', 'quasar', 'radiation', 'rotation', 'satellite', 'singularity', 'solstice', 'spectrum', 'star', 'sun',
  'supernova', 'telescope', 'transit', 'umbra', 'universe', 'vacuum', 'wavelength', 'zenith', 'zodiac', 'magnitude',
] as const

export const RELEASE_NAME_PATTERN = /^[a-z]+-[a-z]+-\d{4}$/

export function releaseName(rng: Prng, taken: (name: string) => boolean): string {
  for (;;) {
    const name = `${rng.pick(ADJECTIVES)}-${rng.pick(NOUNS)}-${String(rng.int(0, 9999)).padStart(4, '0')}`
    if (!taken(name)) return name
  }
}
