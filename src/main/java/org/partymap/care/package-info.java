/**
 * 走访 care visits: a grid worker's home visits (上门), calls (电话) and errands (代办) for the care
 * households of their grids (关爱对象: 空巢老人, 独居老人, 残疾人 …, from residents' care tags), each
 * due again after its tags' cadence; recorded on a phone offline and sent, exactly once, when it
 * is online again.
 */
package org.partymap.care;
