import { Button } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';

/** The Web Speech API where the browser has it; most Chinese phones' keyboards have a microphone too. */
interface Recognition {
  lang: string;
  interimResults: boolean;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionClass = new () => Recognition;

const recognitionClass = (): RecognitionClass | undefined => {
  const w = window as unknown as {
    SpeechRecognition?: RecognitionClass;
    webkitSpeechRecognition?: RecognitionClass;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
};

/** A button that appends what was said to a text field; absent where the browser cannot listen. */
export const VoiceInput = ({ onText }: { onText: (text: string) => void }) => {
  const { t, lang } = useI18n();
  const [listening, setListening] = useState(false);
  const current = useRef<Recognition | undefined>(undefined);
  const Speech = recognitionClass();
  if (Speech === undefined) return null;
  const toggle = () => {
    if (listening) {
      current.current?.stop();
      return;
    }
    const recognition = new Speech();
    recognition.lang = lang === 'zh' ? 'zh-CN' : 'en-US';
    recognition.interimResults = false;
    recognition.onresult = (event) =>
      onText(Array.from(event.results, (result) => result[0]?.transcript ?? '').join(''));
    recognition.onend = () => setListening(false);
    current.current = recognition;
    recognition.start();
    setListening(true);
  };
  return (
    <Button size="small" fill="outline" onClick={toggle} aria-pressed={listening}>
      {listening ? t('voice.stop') : t('voice.start')}
    </Button>
  );
};
