/**
 * 微心愿 micro-wishes: a grid worker posts a resident's small wish for the grid (on their behalf, or
 * from a 社区通 question); the community's public wish wall shows it without a byte of the
 * resident's record; a party member (role {@code party_member}) claims it with one tap, or anyone
 * with a name and phone that the grid worker confirms; exactly one claim wins; the worker marks it
 * fulfilled with an optional thank-you note on the wall.
 *
 * <p>Invariant: a wish's grid is its resident's grid; a claimed or fulfilled wish has exactly one
 * claimant; nothing the wall serves contains a resident's name or phone.
 */
package org.partymap.wish;
