const Page = () => <p>…</p>;
export default Page;
