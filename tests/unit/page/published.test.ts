import { describe, expect, it } from 'vitest';
import { datelineDay, isoDayOf, jsonLdPublished, pageLang, publishedDay, urlDay, type FactSources } from '../../../src/page/published';

const none: FactSources = { metas: [], jsonLd: [], times: [], lines: [], url: 'https://example.org/world/story.html' };

describe('publication date', () => {
  it('reads the day as the publisher wrote it, not shifted to UTC', () => {
    expect(isoDayOf('2018-07-16T23:30:00-04:00')).toBe('2018-07-16');
    expect(isoDayOf('2025-8-16')).toBe('2025-08-16');
    expect(isoDayOf('2025-02-30T10:00:00Z')).toBeNull();
    expect(isoDayOf('Monday')).toBeNull();
  });

  it('finds datePublished inside an @graph, and survives broken JSON-LD', () => {
    const graph = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Tin' }, { '@type': 'NewsArticle', dateModified: '2021-06-18', datePublished: '2021-06-16T19:02:00+02:00' }] });
    expect(jsonLdPublished(graph)).toBe('2021-06-16');
    expect(jsonLdPublished('{"datePublished": "2021-06-16", ')).toBeNull();
  });

  it('reads datelines in Vietnamese, English and Russian writing', () => {
    expect(datelineDay('Thứ bảy, 16/8/2025, 14:05 (GMT+7)')).toBe('2025-08-16');
    expect(datelineDay('Cập nhật: 17.07.2018 08:12')).toBe('2018-07-17');
    expect(datelineDay('July 16, 2018 · 5 min read')).toBe('2018-07-16');
    expect(datelineDay('Published 16 June 2021')).toBe('2021-06-16');
    expect(datelineDay('16 июня 2021, 19:40')).toBe('2021-06-16');
    expect(datelineDay('8/16/2025 9:30 AM ET')).toBe('2025-08-16');
    expect(datelineDay('Thời sự · Quốc tế')).toBeNull();
  });

  it('reads dates in article addresses', () => {
    expect(urlDay('https://news.example.com/world/2018/07/16/helsinki-summit/')).toBe('2018-07-16');
    expect(urlDay('https://baomoi.example.vn/thuong-dinh-nga-my-20250816093012.htm')).toBe('2025-08-16');
    expect(urlDay('https://example.org/story-123456.html')).toBeNull();
  });

  it('trusts the article meta over JSON-LD, <time>, a dateline and the address, in that order', () => {
    const all: FactSources = {
      metas: ['2025-08-16T07:00:00+07:00'],
      jsonLd: ['{"datePublished":"2025-08-15"}'],
      times: ['2025-08-14'],
      lines: ['Thứ tư, 13/8/2025'],
      url: 'https://example.vn/2025/08/12/story',
    };
    expect(publishedDay(all)).toBe('2025-08-16');
    expect(publishedDay({ ...all, metas: [] })).toBe('2025-08-15');
    expect(publishedDay({ ...all, metas: [], jsonLd: [] })).toBe('2025-08-14');
    expect(publishedDay({ ...all, metas: [], jsonLd: [], times: [] })).toBe('2025-08-13');
    expect(publishedDay({ ...none, url: all.url })).toBe('2025-08-12');
    expect(publishedDay(none)).toBeNull();
  });

  it('takes a line that is a dateline: date-led, after a weekday or label, or a byline', () => {
    expect(datelineDay('Thứ bảy, 16/8/2025, 10:02 (GMT+7)')).toBe('2025-08-16');
    expect(datelineDay('Minh Anh · Thứ bảy, 16/8/2025 - 10h02')).toBe('2025-08-16');
    expect(datelineDay('Aug. 16, 2025')).toBe('2025-08-16');
    expect(datelineDay('By Jane Doe | Aug. 16, 2025 5:02 p.m. ET')).toBe('2025-08-16');
    expect(datelineDay('Updated on Saturday, 16 August 2025, 10:02 GMT')).toBe('2025-08-16');
    expect(datelineDay('16 августа 2025, 12:30')).toBe('2025-08-16');
    expect(datelineDay('Опубликовано: 16.08.2025 12:30 (мск)')).toBe('2025-08-16');
    expect(datelineDay('суббота, 16 августа 2025 · РИА Новости')).toBe('2025-08-16');
  });

  it('takes a dateline after a breadcrumb, as news sites print the section path before the date', () => {
    expect(datelineDay('Thế giới › Quân sự › Thứ bảy, 16/8/2025')).toBe('2025-08-16');
    expect(datelineDay('Thế giới > Châu Âu > Thứ Bảy, 16/08/2025, 09:15 (GMT+7)')).toBe('2025-08-16');
    expect(datelineDay('Trang chủ / Thế giới / 16/08/2025 09:15')).toBe('2025-08-16');
    expect(datelineDay('World » Europe » Aug. 16, 2025')).toBe('2025-08-16');
    expect(datelineDay('Главная / В мире / 16 августа 2025, 09:15')).toBe('2025-08-16');
  });

  it('takes the ways vi, en and ru pages write the time and the year around the date', () => {
    expect(datelineDay('Thứ Bảy, 16/08/2025 - 09:15 (GMT+7)')).toBe('2025-08-16');
    expect(datelineDay('Cập nhật: 16/08/2025 09:15')).toBe('2025-08-16');
    expect(datelineDay('Cập nhật lúc 09:15 ngày 16/8/2025')).toBe('2025-08-16');
    expect(datelineDay('16/8/2025 lúc 09:15')).toBe('2025-08-16');
    expect(datelineDay('Updated Aug. 16, 2025 9:15 a.m. ET')).toBe('2025-08-16');
    expect(datelineDay('Aug 16, 2025 at 9:15 am EDT')).toBe('2025-08-16');
    expect(datelineDay('Sat 16 Aug 2025 09.15 BST')).toBe('2025-08-16');
    expect(datelineDay('16 августа 2025, 09:15')).toBe('2025-08-16');
    expect(datelineDay('Суббота, 16 августа 2025, 09:15')).toBe('2025-08-16');
    expect(datelineDay('16 августа 2025 г., 09:15')).toBe('2025-08-16');
    expect(datelineDay('16 августа 2025 года в 09:15')).toBe('2025-08-16');
  });

  it('still refuses a sentence telling of a date, with a breadcrumb before it or words after the year', () => {
    expect(datelineDay('Thế giới › Ngày 16/7/2018, hai nhà lãnh đạo gặp nhau tại Helsinki')).toBeNull();
    expect(datelineDay('World › The leaders met on 16 July 2018')).toBeNull();
    expect(datelineDay('16 июля 2018 года лидеры встретились в Хельсинки.')).toBeNull();
    expect(datelineDay('Aug. 16, 2025 at the latest, officials said')).toBeNull();
    expect(datelineDay('Hai ông gặp nhau lúc 09:15 ngày 16/8/2025')).toBeNull();
  });

  it('does not take a line that merely contains a date for the dateline, in vi, en and ru', () => {
    expect(datelineDay('On 16 July 2018 the two leaders met in Helsinki.')).toBeNull();
    expect(datelineDay('Ngày 16/7/2018, hai nhà lãnh đạo gặp nhau tại Helsinki.')).toBeNull();
    expect(datelineDay('16 июля 2018 года лидеры встретились в Хельсинки.')).toBeNull();
    expect(datelineDay('The two leaders first met in Helsinki: 16 July 2018')).toBeNull();
    expect(datelineDay('16/7/2018 – Trump and Putin meet in Helsinki for two hours')).toBeNull();
    const history: FactSources = { ...none, lines: ['Thượng đỉnh Helsinki', 'On 16 July 2018 the two leaders met in Helsinki.', 'Aug. 16, 2025'] };
    expect(publishedDay(history)).toBe('2025-08-16');
    expect(publishedDay({ ...history, lines: history.lines.slice(0, 2) })).toBeNull();
  });

  it('does not take a date told inside a sentence for the dateline', () => {
    const sentence = 'Ông Putin và ông Trump đã gặp nhau tại Helsinki ngày 16/7/2018, trong cuộc gặp kéo dài hơn hai giờ đồng hồ mà nhiều người còn nhớ đến hôm nay.';
    expect(publishedDay({ ...none, lines: [sentence] })).toBeNull();
  });
});

describe('page language', () => {
  it('takes the primary subtag of the declared language', () => {
    expect(pageLang('vi-VN', '')).toBe('vi');
    expect(pageLang('RU', '')).toBe('ru');
    expect(pageLang('en_GB', 'Путин')).toBe('en');
  });

  it('guesses vi from its tone-marked letters, ru from Cyrillic, else en', () => {
    expect(pageLang(null, 'Tổng thống Nga Vladimir Putin và Tổng thống Mỹ Donald Trump hội đàm tại Anchorage.')).toBe('vi');
    expect(pageLang('', 'Владимир Путин и Дональд Трамп провели переговоры в Анкоридже.')).toBe('ru');
    expect(pageLang(null, 'Vladimir Putin and Donald Trump met in Anchorage.')).toBe('en');
    expect(pageLang(null, '')).toBe('en');
  });
});
